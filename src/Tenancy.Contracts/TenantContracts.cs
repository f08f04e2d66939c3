using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;

namespace Tenancy.Http.Contracts;

// Request bodies: every property is nullable in C# so that the handlers, not the deserializer, explain what is missing.
// The attributes say what the OpenAPI document promises a client (OpenApi/ContractSchemas.cs reads them): [Required]
// properties must be sent, the others may be left out; none may be null unless marked [NullMeans].

[Description("A contact to create. Only the name is required; the first contact of a tenant (or the one with isPrimary: true) is its primary contact.")]
public sealed record ContactBody(
    [property: Required, StringLength(ContactRules.NameMax, MinimumLength = 1), Description("The contact's full name.")] string? Name,
    [property: StringLength(ContactRules.RoleMax), Description("Job title or role, e.g. IT manager.")] string? Role,
    [property: EmailAddress, StringLength(ContactRules.EmailMax), Description("A plain address without display name. Tickets from it are routed to this tenant.")] string? Email,
    [property: RegularExpression(ContactBody.CountryCodePattern), Description("International dialling prefix: '+' and 1 to 3 digits.")] string? CountryCode,
    [property: RegularExpression(ContactBody.PhonePattern), Description("The number without its country code: 4 to 15 digits, with spaces and . - / ( ) allowed.")] string? Phone,
    [property: StringLength(ContactRules.NotesMax), Description("Free text; line breaks allowed.")] string? Notes,
    [property: Description("true makes this contact the primary one (the current primary is demoted).")] bool? IsPrimary)
{
    public const string CountryCodePattern = @"^\+[0-9]{1,3}$";
    public const string PhonePattern = @"^[0-9 .\-/()]+$";

}

[Description("Changes to a contact: a field left out stays as it is; \"\" clears an optional field.")]
public sealed record ContactPatchBody(
    [property: StringLength(ContactRules.NameMax, MinimumLength = 1), Description("The contact's full name.")] string? Name,
    [property: StringLength(ContactRules.RoleMax), Description("Job title or role; \"\" clears it.")] string? Role,
    [property: StringLength(ContactRules.EmailMax), Description("A plain address without display name; \"\" removes it.")] string? Email,
    [property: RegularExpression(@"^(\+[0-9]{1,3})?$"), Description("International dialling prefix, '+' and 1 to 3 digits; \"\" clears it.")] string? CountryCode,
    [property: RegularExpression(@"^[0-9 .\-/()]*$"), Description("The number without its country code; \"\" clears it.")] string? Phone,
    [property: StringLength(ContactRules.NotesMax), Description("Free text; \"\" clears it.")] string? Notes,
    [property: Description("true makes this contact the primary one; false is refused on the primary (409): make another one primary instead.")] bool? IsPrimary);

[Description("A tenant to create, with its contacts, device groups and domains, all or nothing.")]
public sealed record CreateTenantBody(
    [property: Required, StringLength(TenantName.MaxLength, MinimumLength = 1), Description("Unique in the account, ignoring case and spacing.")] string? Name,
    [property: StringLength(TenantRules.NotesMax), Description("Free text; line breaks allowed.")] string? Notes,
    [property: Required, MinLength(1), MaxLength(TenantRules.MaxContactsOnCreate), Description("At least one contact; exactly one ends up primary.")] List<ContactBody>? Contacts,
    [property: MaxLength(TenantService.MaxGroupsOnCreate), Description("Device groups to assign at once.")] List<string>? DeviceGroupIds,
    [property: MaxLength(TenantRules.MaxDomains), Description("Email domains the tenant owns (no IPs, wildcards, public suffixes or mailbox providers).")] List<string>? Domains,
    [property: Description("true moves device groups that belong to another tenant instead of answering 409.")] bool? ConfirmReassign);

[Description("Changes to a tenant: a field left out stays as it is; notes: \"\" clears the notes.")]
public sealed record PatchTenantBody(
    [property: StringLength(TenantName.MaxLength, MinimumLength = 1), Description("The new name, unique in the account.")] string? Name,
    [property: StringLength(TenantRules.NotesMax), Description("The new notes; \"\" clears them.")] string? Notes);

[Description("A contact of a tenant.")]
public sealed record ContactResponse(
    string Id, string Name, string? Role, [property: EmailAddress] string? Email, string? CountryCode, string? Phone, string? Notes, bool IsPrimary);

[Description("A device group assigned to a tenant.")]
public sealed record DeviceGroupRef(string Id, string Name, int DeviceCount);

[Description("How a tenant came to be: created from the console (the API) or by an import.")]
public sealed record OriginResponse(
    [property: AllowedValues("console", "import")] string Kind,
    [property: Description("The import that created the tenant, when kind is import.")] string? ImportId);

[Description("A tenant with its contacts, device groups and domains.")]
public sealed record TenantResponse(
    string Id, string Name, string? Notes, IReadOnlyList<ContactResponse> Contacts, IReadOnlyList<DeviceGroupRef> DeviceGroups,
    [property: Description("Lowercase; internationalised names in their ASCII (xn--) form.")] IReadOnlyList<string> Domains,
    OriginResponse Origin, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

[Description("A tenant as lists show it.")]
public sealed record TenantListItem(
    string Id, string Name, int ContactCount, int DeviceGroupCount, int DomainCount,
    [property: Description("The primary contact's name.")] string? PrimaryContact, DateTimeOffset UpdatedAt);

[Description("One page of a list: continuationToken is null on the last page.")]
public sealed record ListResponse<T>(
    IReadOnlyList<T> Items,
    [property: Description("Pass it back as ?continuationToken= for the next page; null on the last page.")] string? ContinuationToken);
