using System.ComponentModel;
using System.Text.Json.Serialization;
using Tenancy.Core.DeviceGroups;

namespace Tenancy.Http.Problems;

// The shapes of the problem answers ProblemResults writes, for the OpenAPI document. The contract tests validate
// every problem the end-to-end tests receive against them, so they cannot drift from the factory unnoticed.

[Description("An error (RFC 9457). type is stable (urn:tenancy:problem:{kind}); other members may be added.")]
public sealed record Problem(
    [property: Description("What kind of problem, e.g. urn:tenancy:problem:not-found.")] string Type,
    [property: Description("A short summary of the kind of problem.")] string Title,
    [property: Description("The HTTP status code.")] int Status,
    [property: Description("What went wrong in this case, in words meant for a person.")] string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The request that caused it.")] string? Instance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("Quote it when you report a problem.")] string? TraceId);

[Description("A request that is not valid (RFC 9457). For type urn:tenancy:problem:validation, errors lists the messages per field.")]
public sealed record ValidationProblem(
    [property: Description("urn:tenancy:problem:validation, or urn:tenancy:problem:bad-request for a request that cannot be read.")] string Type,
    string Title, int Status,
    [property: Description("All messages, in one sentence per field.")] string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull),
               Description("Messages per field, keyed by JSON path (contacts[0].email), or by query parameter name; \"\" for the body as a whole.")]
    IReadOnlyDictionary<string, string[]>? Errors);

[Description("The request clashes with existing data (RFC 9457). The members present depend on type: tenant-name-taken and " +
             "domain-taken name the tenant holding it (tenantId, tenantName, and name or domain); device-group-owned-elsewhere " +
             "lists the conflicts; last-contact, primary-contact-required, import-failed, import-not-finished and concurrent-change carry no more.")]
public sealed record ConflictProblem(
    [property: Description("urn:tenancy:problem:{kind}: tenant-name-taken, domain-taken, device-group-owned-elsewhere, last-contact, primary-contact-required, import-failed, import-not-finished or concurrent-change.")] string Type,
    string Title, int Status, string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The tenant that holds the name or domain.")] string? TenantId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("Its name.")] string? TenantName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The name that is taken, as sent.")] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The domain that is taken, normalised.")] string? Domain,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The device groups that belong to other tenants.")] IReadOnlyList<GroupConflict>? Conflicts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With device-group-owned-elsewhere: the agents who would lose and gain access if the groups moved (R10).")] Contracts.AccessChangesResponse? Access = null);
