using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Imports;
using Tenancy.Core.Tickets;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;
using Tenancy.Http.Problems;

namespace Tenancy.Http.OpenApi;

/// <summary>
/// The examples of the document, written as the contract types themselves so that they cannot name a field that does
/// not exist; Spectral and Redocly check each against its schema.
/// </summary>
public static class ApiExamples
{
    public const string TenantId = "ten_0197a3c2f1d27b5e9a4c8e0f1b2d3c4a";
    public const string ContactId = "con_0197a3c2f1d37c1a8b2e4f6a8c0e2d4b";
    public const string GroupId = "grp_0197a3c2f1d47d2b9c3f5a7b9d1f3e5c";
    public const string DeviceId = "dev_0197a3c2f1d57e3c0d4a6b8c0e2a4f6d";
    public const string ImportId = "imp_4f1c9e2a7b3d8c6e0a5f1b9d2c7e3a8f";
    public const string AccountId = "acc_0197a3c2f1d07a4d8e9f0a1b2c3d4e5f";
    public const string AgentId = "agt_0197a3c2f1d67f4d1e5b7c9d1f3b5a7e";
    public const string AgentGroupId = "agg_0197a3c2f1d7805e2f6c8d0e2a4c6b8f";
    public const string GrantId = "grt_0197a3c2f1d8916f3a7d9e1f3b5d7c9a";
    public const string SigningKeyId = "sk_0197a3c2f1d7804e2f6c8d0e2a4c6b8f";
    public const string ETag = "W/\"datetime'2026-03-02T09%3A15%3A04.1234567Z'\"";

    private static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 15, 4, TimeSpan.Zero);
    private static readonly DateTimeOffset Updated = new(2026, 3, 4, 16, 2, 51, TimeSpan.Zero);

    private static readonly ContactResponse Ann = new(ContactId, "Ann Lee", "IT manager", "ann@contoso.com", "+33", "6 12 34 56 78", null, true);
    private static readonly ContactResponse Bob = new("con_0197a3c2f1d37c1a8b2e4f6a8c0e2d4c", "Bob Martin", null, "bob@contoso.com", null, null, "Night shift", false);

    private static readonly TenantResponse Tenant = new(TenantId, "Contoso", "Key account", [Ann, Bob],
        [new DeviceGroupRef(GroupId, "Contoso laptops", 12)], ["contoso.com"], new OriginResponse("console", null), Created, Updated);

    private static readonly ImportIssueResponse Issue = new(3, "Contact email", "'ann@' is not a valid email address.");

    private static readonly ImportJobResponse Job = new(ImportId, ImportStatus.CompletedWithErrors, ImportMode.Create, "tenants.xlsx", 3, 2, 1, 0, 0, 1, 100, 1, 1, null,
        1, [Issue], 0, [], Created, Updated);

    private static readonly SigningKeyResponse SigningKey = new(SigningKeyId, "Ann's laptop", "cn-I_WNMClehiVp51i_0VpOENW1upEerA8sEam5hn-s",
        "approved", Created, AgentId, Updated);

    private static readonly IReadOnlyDictionary<Type, object> ByType = new Dictionary<Type, object>
    {
        [typeof(ContactBody)] = new ContactBody("Ann Lee", "IT manager", "ann@contoso.com", "+33", "6 12 34 56 78", null, true),
        [typeof(ContactPatchBody)] = new ContactPatchBody(null, "Head of IT", null, null, "", null, null),
        [typeof(CreateTenantBody)] = new CreateTenantBody("Contoso", "Key account",
            [new ContactBody("Ann Lee", "IT manager", "ann@contoso.com", "+33", "6 12 34 56 78", null, null),
             new ContactBody("Bob Martin", null, "bob@contoso.com", null, null, null, null)],
            [GroupId], ["contoso.com"], null),
        [typeof(PatchTenantBody)] = new PatchTenantBody(null, "Key account; renewal in June"),
        [typeof(CreateDeviceGroupBody)] = new CreateDeviceGroupBody("Contoso laptops", TenantId),
        [typeof(AssignGroupsBody)] = new AssignGroupsBody([GroupId], null),
        [typeof(UnassignGroupsBody)] = new UnassignGroupsBody([GroupId]),
        [typeof(CreateDeviceBody)] = new CreateDeviceBody("LT-0042", GroupId),
        [typeof(MoveDeviceBody)] = new MoveDeviceBody(GroupId),
        [typeof(DomainsBody)] = new DomainsBody(["contoso.com", "contoso.fr"]),
        [typeof(DomainBody)] = new DomainBody("contoso.fr"),
        [typeof(RegisterSigningKeyBody)] = new RegisterSigningKeyBody("Ann's laptop", new JwkBody("EC", "P-256",
            "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")),

        [typeof(CreateAgentBody)] = new CreateAgentBody("Léa Martin", "lea@msp.example", "technician"),
        [typeof(PatchAgentBody)] = new PatchAgentBody(null, null, "administrator"),
        [typeof(CreateAgentGroupBody)] = new CreateAgentGroupBody("Night shift", [AgentId]),
        [typeof(PatchAgentGroupBody)] = new PatchAgentGroupBody("Night shift (EU)"),
        [typeof(AgentGroupMembersBody)] = new AgentGroupMembersBody([AgentId]),
        [typeof(CreateGrantBody)] = new CreateGrantBody(AgentId, null, "tenant", TenantId, null),
        [typeof(MeResponse)] = new MeResponse("agent", AgentId, "Léa Martin", "technician", AccountId,
            new IdentityResponse("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0", "5f1b3c3e-9d2a-4b8e-a1f0-3c2d4e5f6a7b")),
        [typeof(InvitationResponse)] = new InvitationResponse("inv_T25lIGNvZGUsIG9uY2UsIGZvciBvbmUgcGVyc29uIG9ubHk", Created.AddDays(7)),
        [typeof(LinkIdentityBody)] = new LinkIdentityBody("inv_T25lIGNvZGUsIG9uY2UsIGZvciBvbmUgcGVyc29uIG9ubHk"),
        [typeof(AgentResponse)] = new AgentResponse(AgentId, "Léa Martin", "lea@msp.example", "technician", Created),
        [typeof(ListResponse<AgentResponse>)] = new ListResponse<AgentResponse>([new AgentResponse(AgentId, "Léa Martin", "lea@msp.example", "technician", Created)], null),
        [typeof(CreatedAgentResponse)] = new CreatedAgentResponse(AgentId, "Léa Martin", "lea@msp.example", "technician", Created, "tny_Q2hvb3NlIGEgbmV3IGtleSBmb3IgZWFjaCBhZ2VudCE"),
        [typeof(ApiKeyResponse)] = new ApiKeyResponse("tny_Q2hvb3NlIGEgbmV3IGtleSBmb3IgZWFjaCBhZ2VudCE"),
        [typeof(AgentGroupResponse)] = new AgentGroupResponse(AgentGroupId, "Night shift", [AgentId]),
        [typeof(ListResponse<AgentGroupResponse>)] = new ListResponse<AgentGroupResponse>([new AgentGroupResponse(AgentGroupId, "Night shift", [AgentId])], null),
        [typeof(GrantResponse)] = new GrantResponse(GrantId, AgentId, null, "tenant", TenantId, null, Created, "account"),
        [typeof(ListResponse<GrantResponse>)] = new ListResponse<GrantResponse>([new GrantResponse(GrantId, AgentId, null, "tenant", TenantId, null, Created, "account")], null),
        [typeof(AgentAccessResponse)] = new AgentAccessResponse(false, [new AccessTenantResponse(TenantId, "Contoso", [new ViaResponse(GrantId, "tenant", null)])],
            [new AccessGroupResponse(GroupId, "Contoso laptops", TenantId, [new ViaResponse(GrantId, "tenant", null)])]),
        [typeof(ReachingAgentsResponse)] = new ReachingAgentsResponse([new AgentReachResponse(AgentId, "Léa Martin", [new ViaResponse(GrantId, "tenant", AgentGroupId)])]),
        [typeof(AssignPreviewResponse)] = new AssignPreviewResponse([new GroupConflictResponse(GroupId, TenantId, "Contoso")],
            new AccessChangesResponse([new AccessChangeResponse(AgentId, "Léa Martin", [GroupId])], [])),

        [typeof(TenantResponse)] = Tenant,
        [typeof(ContactResponse)] = Ann,
        [typeof(ListResponse<TenantListItem>)] = new ListResponse<TenantListItem>(
            [new TenantListItem(TenantId, "Contoso", 2, 1, 1, "Ann Lee", Updated)], "eyJuZXh0IjoiTnxmYWJyaWthbSJ9"),
        [typeof(DeviceGroupResponse)] = new DeviceGroupResponse(GroupId, "Contoso laptops", TenantId, 12),
        [typeof(ListResponse<DeviceGroupResponse>)] = new ListResponse<DeviceGroupResponse>(
            [new DeviceGroupResponse(GroupId, "Contoso laptops", TenantId, 12)], null),
        [typeof(DeviceResponse)] = new DeviceResponse(DeviceId, "LT-0042", GroupId, TenantId),
        [typeof(ListResponse<DeviceResponse>)] = new ListResponse<DeviceResponse>([new DeviceResponse(DeviceId, "LT-0042", GroupId, TenantId)], null),
        [typeof(DomainsResponse)] = new DomainsResponse(["contoso.com", "contoso.fr"]),
        [typeof(DomainResponse)] = new DomainResponse("contoso.fr", ["contoso.com", "contoso.fr"]),
        [typeof(RoutingMatchResponse)] = new RoutingMatchResponse(TenantId, "Contoso", "contoso.com", TicketMatch.Parent, null),
        [typeof(TicketAssignment)] = new TicketAssignment("acc_0197a3c2f1d07a4d8e9f0a1b2c3d4e5f", "T-10234", TenantId, "Contoso",
            "contoso.com", TicketMatch.Exact, Updated, null),
        [typeof(ImportJobResponse)] = Job,
        [typeof(SigningKeyResponse)] = SigningKey,
        [typeof(SigningKeysResponse)] = new SigningKeysResponse([SigningKey]),
        [typeof(ListResponse<ImportJobResponse>)] = new ListResponse<ImportJobResponse>([Job], null),
        [typeof(ListResponse<AuditEntryResponse>)] = new ListResponse<AuditEntryResponse>([
            new AuditEntryResponse("aud_0197a3c2f1e17f4d1e5b7c9d1f3b5a7e", Updated, new AuditActorResponse("account", AccountId, "Fabrikam MSP"),
                "tenant.updated", "tenant", TenantId,
                JsonSerializer.SerializeToElement(new { id = TenantId, name = "Contoso", notes = "Key account" }),
                JsonSerializer.SerializeToElement(new { id = TenantId, name = "Contoso", notes = "Key account; renewal in June" })),
            new AuditEntryResponse("aud_0197a3c2f1d27b5e9a4c8e0f1b2d3c4b", Created, new AuditActorResponse("system", ImportId, $"Tenancy, for {ImportId}"),
                "tenant.created", "tenant", TenantId, null, JsonSerializer.SerializeToElement(new { id = TenantId, name = "Contoso" })),
        ], "VXwwMDAwMDAwMDAwMDAwMDAwMDAwfGF1ZA"),
        [typeof(ListResponse<ImportIssueResponse>)] = new ListResponse<ImportIssueResponse>([Issue], null),
        [typeof(ErasureBody)] = new ErasureBody("bob@contoso.com"),
        [typeof(PersonalDataResponse)] = new PersonalDataResponse("bob@contoso.com", [new PersonalContactResponse(TenantId, "Contoso", Bob)], [],
            [new AuditEntryResponse("aud_0197a3c2f1d27b5e9a4c8e0f1b2d3c4b", Created, new AuditActorResponse("account", AccountId, "Fabrikam MSP"),
                "contact.added", "contact", Bob.Id, null, JsonSerializer.SerializeToElement(new { id = Bob.Id, name = Bob.Name, email = Bob.Email }))],
            false, [new PersonalImportJobResponse(ImportId, ["file"], [new PersonalImportRowResponse(3, new Dictionary<string, string>
                { ["tenantName"] = "Contoso", ["contactName"] = "Bob Martin", ["contactEmail"] = "bob@contoso.com" })])],
            [new PersonalFileResponse($"{AccountId}/20260302-091504-1a2b3c4d-tenants.xlsx", ImportId, Created)],
            [new TicketAssignment(AccountId, "T-10234", TenantId, "Contoso", null, TicketMatch.Contact, Updated, null)]),
        [typeof(ErasureResponse)] = new ErasureResponse([new ErasedContactResponse(TenantId, Bob.Id)], 3, [ImportId], [ImportId], 1),
    };

    /// <summary>The example of a contract type, as JSON; null when the type has none.</summary>
    public static JsonNode? For(Type type) => ByType.TryGetValue(type, out var example)
        ? example is TicketAssignment assignment ? JsonNode.Parse(assignment.ToJson())
        : JsonSerializer.SerializeToNode(example, type, ContractSchemas.IsRequestBody(type) ? RequestOptions : TenancyJson.Options)
        : null;

    // A request leaves out what it does not set, as the schemas say clients should.
    private static readonly JsonSerializerOptions RequestOptions =
        new(TenancyJson.Options) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The example of a problem answer with this status; <paramref name="conflictKind"/> picks the 409 one.</summary>
    public static JsonNode Problem(int status, string? conflictKind = null) => status switch
    {
        400 => Serialize(new ValidationProblem(ProblemResults.TypePrefix + "validation", "The request is not valid.", 400,
            "contacts[0].email: 'ann@' is not a valid email address.", null, TraceId,
            new Dictionary<string, string[]> { ["contacts[0].email"] = ["'ann@' is not a valid email address."] })),
        409 => Serialize(ConflictExample(conflictKind ?? "concurrent-change")),
        _ => Serialize(new Problem(ProblemResults.TypePrefix + ProblemTypes.ForStatus(status), ProblemTypes.Title(status), status,
            ProblemTypes.ExampleDetail(status), null, TraceId)),
    };

    private const string TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";

    private static ConflictProblem ConflictExample(string kind) => kind switch
    {
        "tenant-name-taken" => Conflict(kind, "A tenant named 'Contoso' already exists.") with { TenantId = TenantId, TenantName = "Contoso", Name = "contoso" },
        "domain-taken" => Conflict(kind, "The domain 'contoso.com' already belongs to tenant 'Contoso'.") with { TenantId = TenantId, TenantName = "Contoso", Domain = "contoso.com" },
        "device-group-owned-elsewhere" => Conflict(kind, $"Device group '{GroupId}' already belongs to tenant 'Contoso'. Confirm the move with confirmReassign: true.")
            with { Conflicts = [new GroupConflict(GroupId, TenantId, "Contoso")],
                   Access = new AccessChangesResponse([new AccessChangeResponse(AgentId, "Léa Martin", [GroupId])], []) },
        "last-contact" => Conflict(kind, "The last contact of a tenant cannot be removed."),
        "primary-contact-required" => Conflict(kind, "A tenant always has one primary contact: make another contact primary instead."),
        "signing-key-revoked" => Conflict(kind, $"Signing key '{SigningKeyId}' was revoked; a revoked key cannot be approved. Register a new one."),
        "import-failed" => Conflict(kind, "This import failed as a whole, so it has no rows to report: the file is not an .xlsx workbook."),
        "primary-contact" => Conflict(kind, "This address is the primary contact of tenant 'Contoso': make another contact of the tenant primary, then erase again.")
            with { TenantId = TenantId, TenantName = "Contoso" },
        "agent-has-address" => Conflict(kind, $"Agent '{AgentId}' has this address: delete the agent first (DELETE /api/agents/{AgentId}), then erase again."),
        "import-not-finished" => Conflict(kind, "Import 'imp_4f1c9e2a7b3d8c6e0a5f1b9d2c7e3a8f' is processing: only a finished import can be undone. Wait until it has finished."),
        _ => Conflict("concurrent-change", "Too many concurrent changes. Try again.") with { Title = "Too many concurrent changes." },
    };

    private static ConflictProblem Conflict(string kind, string detail) =>
        new(ProblemResults.TypePrefix + kind, "Conflict.", 409, detail, null, TraceId, null, null, null, null, null);

    private static JsonNode Serialize<T>(T value) => JsonSerializer.SerializeToNode(value, TenancyJson.Options)!;
}
