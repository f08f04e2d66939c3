using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tenancy.Http.OpenApi;

/// <summary>The OpenAPI document's name, route and the settings both hosts generate it with.</summary>
public static class TenancyOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>Under <see cref="ApiRoutes.Prefix"/>: <c>/api/openapi.json</c>.</summary>
    public const string Route = "openapi.json";

    public const string SecuritySchemeName = "bearerAuth";

    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Tenants"] = "The MSP's customers: each has contacts (exactly one primary), device groups and email domains.",
        ["Contacts"] = "A tenant's contacts. Changes answer the tenant's new ETag.",
        ["Device groups"] = "Groups of devices; a group belongs to at most one tenant, and moving it moves its devices.",
        ["Devices"] = "Devices; a device's tenant is its group's tenant.",
        ["Domains"] = "A tenant's email domains: tickets from them are routed to the tenant. One owner per domain.",
        ["Ticket routing"] = "Which tenant a ticket from a sender goes to, now and as it was stored.",
        ["Agents and access"] = "Who the caller is, agents with their own keys, agent groups, grants, and who reaches what (R10).",
        ["Sign-in with work accounts"] = "People sign in with their organisation's OpenID Connect provider (Microsoft Entra ID in Azure): invitations link a person's identity to an agent, who they then are in every rule (R14).",
        ["Imports"] = "Creating tenants in bulk from the Excel template, and reading how it went.",
        ["Audit"] = "Every change, with who made it, when, and the values before and after; read only.",
        ["Personal data"] = "Find a person everywhere (a copy to hand over) and erase them everywhere (R15).",
        ["Signing keys"] = "Agents' signing keys: the public halves of the key pairs that sign sensitive requests (RFC 9421), approved by an administrator.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.AddSchemaTransformer<ContractSchemas>();
        options.AddOperationTransformer<OperationConventions>();
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info.Title = "Tenancy API";
        document.Info.Version = "1.0.0";
        document.Info.Contact = new OpenApiContact { Name = "Tenancy contributors" };
        document.Info.License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://spdx.org/licenses/MIT.html") };
        document.Info.Description =
            "Tenants, contacts, device groups, email domains, imports, agents and access for an MSP (managed service provider).\n\n" +
            "Authenticate with `Authorization: Bearer <key>`: the account's API key (the owner's; may do everything), or an " +
            "agent's key (its role and grants decide what it may do and see: each operation names the roles it allows). An " +
            "agent's sensitive operations also need an RFC 9421 signature made with one of its approved signing keys " +
            "(`urn:tenancy:problem:signature-required` otherwise; each such operation says so). Errors are `application/problem+json` (RFC 9457) " +
            "with a stable `type` (`urn:tenancy:problem:{kind}`). Lists are paged with `pageSize` and `continuationToken`. " +
            "Reads answer an `ETag`; writes to a tenant accept `If-Match` and answer 412 when it is stale.";
        document.Servers =
        [
            new OpenApiServer { Url = "http://127.0.0.1:7071", Description = "The local host (dotnet run --project src/Tenancy.Local)." },
            new OpenApiServer
            {
                Url = "https://{functionApp}.azurewebsites.net",
                Description = "The Azure Functions host.",
                Variables = new Dictionary<string, OpenApiServerVariable>
                {
                    ["functionApp"] = new() { Default = "func-tenancy", Description = "The Function App's name (azd env get-values)." },
                },
            },
        ];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The account's API key or an agent's (`Authorization: Bearer tny_…`), or a person's OpenID Connect access token (a JWT) from an issuer the deployment trusts, linked to an agent by an invitation (R14).",
            },
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] }];
        document.Tags = Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }).ToHashSet();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            operation.Responses = SuccessFirst(operation.Responses);
    }

    /// <summary>Responses in status order, as readers and generators expect (the metadata adds the common ones first).</summary>
    private static OpenApiResponses? SuccessFirst(OpenApiResponses? responses)
    {
        if (responses is null) return null;
        var sorted = new OpenApiResponses();
        foreach (var (status, response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal)) sorted[status] = response;
        return sorted;
    }
}
