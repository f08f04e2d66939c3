using Tenancy.Http.Contracts;

namespace Tenancy.WebConsole.Tenants.Wizard;

/// <summary>
/// The wizard as typed so far, kept in sessionStorage so a reload of the page (or a slip of the back button)
/// does not lose it; cleared when the tenant is created or the wizard cancelled.
/// </summary>
public sealed record WizardSnapshot(
    WizardStep Step, string Name, string Notes, IReadOnlyList<ContactSnapshot> Contacts, int PrimaryIndex,
    IReadOnlyList<DeviceGroupResponse> Groups, IReadOnlyList<string> ConfirmedMoves, IReadOnlyList<string> Domains,
    IReadOnlyList<string>? CreatedGroups = null)
{
    public const string StorageName = "tenancy.tenantWizard";

    public static WizardSnapshot Of(WizardDraft draft, WizardStep step) => new(
        step, draft.Name, draft.Notes,
        draft.Contacts.Select(c => new ContactSnapshot(c.Name, c.Role, c.Email, c.CountryCode, c.Phone, c.Notes)).ToList(),
        draft.Contacts.ToList().FindIndex(draft.IsPrimary),
        draft.Groups.ToList(), draft.Groups.Where(g => draft.MoveConfirmed(g.Id)).Select(g => g.Id).ToList(), draft.Domains.ToList(),
        draft.CreatedGroups.ToList());

    public WizardDraft ToDraft()
    {
        var draft = new WizardDraft { Name = Name, Notes = Notes };
        for (var i = 0; i < Contacts.Count; i++)
        {
            var c = i == 0 ? draft.Contacts[0] : draft.AddContact();
            (c.Name, c.Role, c.Email, c.CountryCode, c.Phone, c.Notes) = Contacts[i];
            if (i == PrimaryIndex) draft.MakePrimary(c);
        }
        foreach (var g in Groups) draft.SelectGroup(g, moveConfirmed: ConfirmedMoves.Contains(g.Id));
        draft.AddDomains(string.Join(',', Domains));
        draft.RememberCreatedGroups(CreatedGroups ?? []);
        return draft;
    }
}

public sealed record ContactSnapshot(string Name, string Role, string Email, string CountryCode, string Phone, string Notes);
