using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Tenancy.Core.Common;

namespace Tenancy.Http.OpenApi;

/// <summary>A query parameter a handler reads, as the document describes it.</summary>
public sealed record QueryParameter(string Name, string Description, Func<OpenApiSchema> Schema, JsonNode Example, bool Required = false);

/// <summary>The query parameters of the API. The route table names the ones each route reads; a test checks the handlers agree.</summary>
public static class QueryParameters
{
    public static readonly QueryParameter PageSize = new("pageSize",
        $"How many items a page holds, from 1 to {PageRequest.MaxSize}.",
        () => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = PageRequest.MaxSize.ToString(),
            Default = PageRequest.DefaultSize,
        }, 25);

    public static readonly QueryParameter ContinuationToken = new("continuationToken",
        "The continuationToken of the previous page, as it was returned; leave it out for the first page.",
        () => new OpenApiSchema { Type = JsonSchemaType.String }, "eyJuZXh0IjoiTnxmYWJyaWthbSJ9");

    public static readonly QueryParameter Search = new("search",
        "Only tenants whose name starts with this text (ignoring case and spacing).",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128 }, "con");

    public static readonly QueryParameter TenantFilter = new("tenantId", "Only the items of this tenant.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 256 }, ApiExamples.TenantId);

    public static readonly QueryParameter GroupFilter = new("groupId", "Only the devices of this group.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 256 }, ApiExamples.GroupId);

    public static readonly QueryParameter Unassigned = new("unassigned", "true lists only groups that belong to no tenant.",
        () => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = false }, true);

    public static readonly QueryParameter WithDevices = new("withDevices", "true deletes the group's devices too; otherwise they stay, ungrouped.",
        () => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = false }, false);

    public static readonly QueryParameter From = new("from", "The sender's address, as in the ticket's From header.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 998 }, "ann@eu.contoso.com", Required: true);

    public static readonly QueryParameter Email = new("email", "The person's address; compared as routing compares addresses (case and +tag ignored).",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 3, MaxLength = 320 }, "ann@eu.contoso.com", Required: true);

    public static readonly QueryParameter SenderAuthentication = new("senderAuthentication",
        "The result of the sender's authentication (SPF/DKIM/DMARC). fail routes by contact address only, never by domain.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["pass", "fail", "none"] }, "pass");

    public static readonly QueryParameter Language = new("lang",
        "The template's language: en (the default) or fr. A regional tag such as fr-CA is read as its language.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["en", "fr"], Default = "en" }, "fr");

    public static readonly QueryParameter ReportLanguage = new("lang",
        "The report's language (headers, help sheet and Error column): en or fr. Left out, the caller's Accept-Language, else the uploaded file's language.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["en", "fr"] }, "fr");

    public static readonly QueryParameter ValidateOnly = new("validateOnly",
        "true checks the file and answers 200 with the report; nothing is stored or created.",
        () => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = false }, true);

    public static readonly QueryParameter AuditFrom = new("from",
        "Only entries made at or after this moment (ISO 8601 with its offset).",
        () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }, "2026-03-01T00:00:00Z");

    public static readonly QueryParameter AuditTo = new("to",
        "Only entries made before this moment (ISO 8601 with its offset); later than from.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }, "2026-04-01T00:00:00Z");

    public static readonly QueryParameter TargetId = new("targetId",
        "Only entries about this resource (a tenant, contact, device group, device, import or account id).",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64 }, ApiExamples.TenantId);

    public static readonly QueryParameter ActorId = new("actorId",
        "Only entries made by this actor: the account's or an agent's id, or for the system the import it acted for.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 64 }, ApiExamples.AccountId);

    public static readonly QueryParameter AgentFilter = new("agentId", "Only the grants to this agent.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 256 }, ApiExamples.AgentId);

    public static readonly QueryParameter AgentGroupFilter = new("agentGroupId", "Only the grants to this agent group.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 256 }, ApiExamples.AgentGroupId);

    public static readonly QueryParameter DeviceGroupFilter = new("deviceGroupId", "Only the grants naming this device group.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 256 }, ApiExamples.GroupId);

    public static readonly QueryParameter TenantGrantFilter = new("tenantId", "Only the grants naming this tenant.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 256 }, ApiExamples.TenantId);

    public static readonly QueryParameter At = new("at",
        "The answer as it stood at this moment (ISO 8601); left out: now.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", MaxLength = 64 }, "2026-03-02T09:15:00Z");

    public static readonly QueryParameter Mode = new("mode",
        "create (the default) refuses a tenant whose name exists; upsert updates it: notes from the file, contacts matched by email (by name without email) updated or added, the file's domains added, nothing removed.",
        () => new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["create", "upsert"], Default = "create" }, "upsert");

    public static readonly QueryParameter FileName = new("fileName",
        "The file's name, for a raw upload (a multipart upload carries its own); it names the job and its error report.",
        () => new OpenApiSchema { Type = JsonSchemaType.String }, "tenants.xlsx");
}

/// <summary>What the path parameters of the route table mean.</summary>
public static class PathParameters
{
    public static readonly IReadOnlyDictionary<string, (string Description, string Example)> All = new Dictionary<string, (string, string)>
    {
        ["tenantId"] = ("The tenant's id, as the API returned it.", ApiExamples.TenantId),
        ["contactId"] = ("The contact's id, as the API returned it.", ApiExamples.ContactId),
        ["groupId"] = ("The device group's id, as the API returned it.", ApiExamples.GroupId),
        ["deviceId"] = ("The device's id, as the API returned it.", ApiExamples.DeviceId),
        ["domain"] = ("The domain, e.g. contoso.com (case and internationalised forms are normalised).", "contoso.com"),
        ["ticketId"] = ("The ticket's id, as sent on incoming-tickets.", "T-10234"),
        ["agentId"] = ("The agent's id, as the API returned it.", ApiExamples.AgentId),
        ["agentGroupId"] = ("The agent group's id, as the API returned it.", ApiExamples.AgentGroupId),
        ["grantId"] = ("The grant's id, as the API returned it.", ApiExamples.GrantId),
        ["importId"] = ("The import job's id, from the upload's answer or its Location.", ApiExamples.ImportId),
        ["agentId"] = ("The agent's id, as the API returned it.", ApiExamples.AgentId),
        ["keyId"] = ("The signing key's id, as its registration answered it.", ApiExamples.SigningKeyId),
    };
}
