using Tenancy.Http.Contracts;

namespace Tenancy.WebConsole.Tenants.Wizard;

/// <summary>
/// The tenant being created, step by step, and the wizard's rules: a name, at least one contact each with a
/// name, exactly one primary contact (R2), and a group owned by another tenant only after its move was
/// confirmed (R4). Error keys are the API's JSON paths, so the API's own answers land on the same fields.
/// </summary>
public sealed class WizardDraft
{
    private readonly List<ContactDraft> _contacts = [new()];
    private readonly Dictionary<string, DeviceGroupResponse> _groups = [];
    private readonly HashSet<string> _confirmedMoves = [];
    private readonly List<string> _domains = [];
    private readonly List<string> _createdGroups = [];

    public WizardDraft() => PrimaryKey = _contacts[0].Key;

    public string Name { get; set; } = "";
    public string Notes { get; set; } = "";

    public IReadOnlyList<ContactDraft> Contacts => _contacts;

    /// <summary>The primary contact: always exactly one of <see cref="Contacts"/>.</summary>
    public string PrimaryKey { get; private set; }

    public IReadOnlyCollection<DeviceGroupResponse> Groups => _groups.Values;

    public IReadOnlyList<string> Domains => _domains;

    /// <summary>Names of the device groups created from this wizard: they exist already, whatever becomes of the tenant.</summary>
    public IReadOnlyList<string> CreatedGroups => _createdGroups;

    /// <summary>Nothing typed or chosen yet: cancelling loses nothing.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Notes) && _groups.Count == 0 && _domains.Count == 0
        && _createdGroups.Count == 0 && _contacts.All(c => string.Join("", c.Name, c.Role, c.Email, c.CountryCode, c.Phone, c.Notes).Trim().Length == 0);

    public void RememberCreatedGroups(IEnumerable<string> names) => _createdGroups.AddRange(names);

    public void GroupCreated(DeviceGroupResponse group)
    {
        _createdGroups.Add(group.Name);
        SelectGroup(group);
    }

    public ContactDraft AddContact()
    {
        var contact = new ContactDraft();
        _contacts.Add(contact);
        return contact;
    }

    /// <summary>Removes a contact; the last one stays (a tenant needs one), and a removed primary passes to the first.</summary>
    public bool RemoveContact(ContactDraft contact)
    {
        if (_contacts.Count == 1 || !_contacts.Remove(contact)) return false;
        if (contact.Key == PrimaryKey) PrimaryKey = _contacts[0].Key;
        return true;
    }

    public void MakePrimary(ContactDraft contact)
    {
        if (_contacts.Contains(contact)) PrimaryKey = contact.Key;
    }

    public bool IsPrimary(ContactDraft contact) => contact.Key == PrimaryKey;

    public bool IsSelected(string groupId) => _groups.ContainsKey(groupId);

    /// <summary>Whether selecting the group needs the reassign notice first: it belongs to another tenant.</summary>
    public static bool NeedsConfirmation(DeviceGroupResponse group) => group.TenantId is not null;

    /// <summary>Selects a group; one owned by another tenant only with <paramref name="moveConfirmed"/>.</summary>
    public bool SelectGroup(DeviceGroupResponse group, bool moveConfirmed = false)
    {
        if (NeedsConfirmation(group) && !moveConfirmed) return false;
        _groups[group.Id] = group;
        if (NeedsConfirmation(group)) _confirmedMoves.Add(group.Id);
        return true;
    }

    public void UnselectGroup(string groupId)
    {
        _groups.Remove(groupId);
        _confirmedMoves.Remove(groupId);
    }

    /// <summary>Forgets a confirmation (the API said the group moved again since): it must be confirmed anew.</summary>
    public void RevokeConfirmation(string groupId)
    {
        _confirmedMoves.Remove(groupId);
        _groups.Remove(groupId);
    }

    public bool MoveConfirmed(string groupId) => _confirmedMoves.Contains(groupId);

    /// <summary>The entries of the domain box: one domain, or a list ("contoso.com, contoso.fr"); a space does not separate.</summary>
    public static IReadOnlyList<string> DomainEntries(string text) =>
        text.Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Adds domains typed as a list ("contoso.com, contoso.fr"); returns the ones already there.</summary>
    public IReadOnlyList<string> AddDomains(string text)
    {
        var repeated = new List<string>();
        foreach (var domain in DomainEntries(text))
        {
            var key = domain.TrimEnd('.').ToLowerInvariant();
            if (_domains.Contains(key, StringComparer.OrdinalIgnoreCase)) repeated.Add(key);
            else _domains.Add(key);
        }
        return repeated;
    }

    public void RemoveDomain(string domain) => _domains.Remove(domain);

    /// <summary>
    /// The first step's rules, before anything is sent: the API's own field rules (<see cref="FieldRules"/>), and the
    /// required fields when <paramref name="blankToo"/> (once the person tried to go on). Keys as the API's:
    /// <c>name</c>, <c>contacts[1].countryCode</c>.
    /// </summary>
    public Dictionary<string, string[]> ValidateGeneral(WizardTexts texts, bool blankToo = true)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (blankToo && string.IsNullOrWhiteSpace(Name)) errors["name"] = [texts.NameRequired];
        FieldRules.TenantFields(Name, Notes, errors);
        if (_contacts.Count == 0) errors["contacts"] = [texts.ContactRequired];
        for (var i = 0; i < _contacts.Count; i++)
        {
            if (blankToo && string.IsNullOrWhiteSpace(_contacts[i].Name)) errors[$"contacts[{i}].name"] = [texts.ContactNameRequired];
            FieldRules.ContactFields(_contacts[i], $"contacts[{i}]", errors);
        }
        if (_contacts.Count(IsPrimary) != 1) errors["contacts"] = [texts.OnePrimary];
        return errors;
    }

    /// <summary>The step on which an error key is shown.</summary>
    public static WizardStep StepOf(string key) =>
        key.StartsWith("deviceGroupIds", StringComparison.OrdinalIgnoreCase) ? WizardStep.DeviceGroups
        : key.StartsWith("domains", StringComparison.OrdinalIgnoreCase) ? WizardStep.Domains
        : WizardStep.General;

    /// <summary>The one create call (POST /api/tenants): everything at once, moves confirmed when there are any.</summary>
    public CreateTenantBody ToBody() => new(
        Name.Trim(),
        string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        _contacts.Select(c => new ContactBody(c.Name.Trim(), Blank(c.Role), Blank(c.Email), Blank(c.CountryCode), Blank(c.Phone),
            Blank(c.Notes), IsPrimary(c))).ToList(),
        _groups.Count == 0 ? null : _groups.Keys.ToList(),
        _domains.Count == 0 ? null : _domains.ToList(),
        _confirmedMoves.Count > 0 ? true : null);

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The wizard's own messages, in the console's language.</summary>
public sealed record WizardTexts(string NameRequired, string ContactRequired, string ContactNameRequired, string OnePrimary);
