using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using static Tenancy.Core.Tests.Imports.Rows;

namespace Tenancy.Core.Tests.Imports;

public class TenantGroupingTests
{
    private static ImportPlan Group(params TemplateRow[] rows) => TenantGrouping.Group(rows, TemplateLanguage.English);

    [Fact]
    public void Rows_with_the_same_name_make_one_tenant_wherever_they_stand()
    {
        var plan = Group(
            Row(2, "Contoso", "Jane"),
            Row(3, "Fabrikam", "Ann"),
            Row(4, "  CONTOSO ", "John"),
            Row(5, "contoso", "Joe"));

        Assert.Equal(2, plan.Tenants.Count);
        var contoso = plan.Tenants[0];
        Assert.Equal("Contoso", contoso.Request.Name);
        Assert.Equal([2, 4, 5], contoso.Rows);
        Assert.Equal(["Jane", "John", "Joe"], contoso.Request.Contacts!.Select(c => c.Name));
        Assert.Equal([3], plan.Tenants[1].Rows);
        Assert.Empty(plan.Errors);
        Assert.Equal(4, plan.RowCount);
    }

    [Fact]
    public void Names_that_differ_only_by_case_or_spaces_keep_the_first_spelling_and_say_so()
    {
        var plan = Group(Row(2, "Contoso  Ltd", "Jane"), Row(3, "CONTOSO LTD", "John"));

        Assert.Equal("Contoso Ltd", Assert.Single(plan.Tenants).Request.Name);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(3, warning.Row);
        Assert.Equal("Tenant name", warning.Column);
    }

    [Fact]
    public void Names_that_only_look_alike_make_one_tenant()
    {
        var plan = Group(Row(2, "Acme Corp", "Jane"), Row(3, "\u0410cme\u200B Corp", "John"), Row(4, "\uFF21cme Corp", "Joan"));

        Assert.Equal(3, Assert.Single(plan.Tenants).Request.Contacts!.Count);
    }

    [Fact]
    public void The_first_primary_contact_wins_and_later_ones_are_warned_about()
    {
        var plan = Group(
            Row(2, "Contoso", "Jane", primary: "false"),
            Row(3, "Contoso", "John", primary: "TRUE"),
            Row(4, "Contoso", "Joe", primary: "vrai"));

        var contacts = Assert.Single(plan.Tenants).Request.Contacts!;
        Assert.Equal([false, true, false], contacts.Select(c => c.IsPrimary));
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(4, warning.Row);
        Assert.Equal("Primary contact", warning.Column);
        Assert.Contains("row 3", warning.Message);
    }

    [Fact]
    public void Without_a_primary_the_first_contact_becomes_primary_when_created()
    {
        var plan = Group(Row(2, "Contoso", "Jane"), Row(3, "Contoso", "John", primary: "no"));

        var request = Assert.Single(plan.Tenants).Request;
        var tenant = TenantService.Build(request, "tnt_1", TenantOrigin.Import("imp_1"), DateTimeOffset.UnixEpoch,
            new FieldErrors(), throwOnErrors: true);
        Assert.Equal("Jane", tenant.PrimaryContact?.Name);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Tenant_notes_come_from_the_first_row_that_has_some_and_disagreements_are_warned_about()
    {
        var plan = Group(
            Row(2, "Contoso", "Jane"),
            Row(3, "Contoso", "John", tenantNotes: "Gold support"),
            Row(4, "Contoso", "Joe", tenantNotes: "Gold support"),
            Row(5, "Contoso", "Jim", tenantNotes: "Silver support"));

        Assert.Equal("Gold support", Assert.Single(plan.Tenants).Request.Notes);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(new ImportIssue(5, "Tenant notes", warning.Message), warning);
    }

    [Fact]
    public void Domains_of_all_rows_are_combined_without_duplicates()
    {
        var plan = Group(
            Row(2, "Contoso", "Jane", domains: "contoso.com, contoso.co.uk"),
            Row(3, "Contoso", "John", domains: "Contoso.com;contoso.fr"));

        Assert.Equal(["contoso.com", "contoso.co.uk", "contoso.fr"], Assert.Single(plan.Tenants).Request.Domains);
    }

    [Fact]
    public void One_invalid_row_refuses_its_whole_tenant_but_not_the_others()
    {
        var plan = Group(
            Row(2, "Contoso", "Jane"),
            Row(3, "Fabrikam", "Ann"),
            Row(4, "Contoso", "John", email: "john@", phone: "x"));

        Assert.Equal("Fabrikam", Assert.Single(plan.Tenants).Request.Name);
        var failed = Assert.Single(plan.FailedTenants);
        Assert.Equal("Contoso", failed.Name);
        Assert.Equal([2, 4], failed.Rows);
        Assert.Equal(["Contact email", "Contact phone number"], plan.Errors.Select(e => e.Column));
        Assert.All(plan.Errors, e => Assert.Equal(4, e.Row));
    }

    [Fact]
    public void A_row_without_tenant_name_fails_on_its_own()
    {
        var plan = Group(Row(2, "Contoso", "Jane"), Row(3, " ", "John"));

        Assert.Single(plan.Tenants);
        Assert.Equal([3], Assert.Single(plan.FailedTenants).Rows);
        Assert.Equal(new ImportIssue(3, "Tenant name", "A tenant name is required."), Assert.Single(plan.Errors));
    }

    [Fact]
    public void Blank_rows_are_skipped_and_not_counted()
    {
        var plan = Group(Row(2, "Contoso", "Jane"), Row(3, "", "  ", tenantNotes: ""), Row(4, null, null));

        Assert.Single(plan.Tenants);
        Assert.Equal(1, plan.RowCount);
        Assert.Empty(plan.Errors);
    }

    [Theory]
    [InlineData(TemplateLanguage.English)]
    [InlineData(TemplateLanguage.French)]
    public void The_untouched_example_tenant_is_skipped_with_a_warning(TemplateLanguage language)
    {
        var plan = TenantGrouping.Group(
            [Example(2, language, 0), Example(3, language, 1), Row(4, "Contoso", "Jane")], language);

        Assert.Equal("Contoso", Assert.Single(plan.Tenants).Request.Name);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(2, warning.Row);
        Assert.Equal(TemplateColumns.Header(TemplateField.TenantName, language), warning.Column);
        Assert.Empty(plan.Errors);
    }

    [Fact]
    public void A_template_with_only_the_example_has_nothing_to_import()
    {
        var plan = Group(Example(2, TemplateLanguage.English, 0), Example(3, TemplateLanguage.English, 1));

        Assert.True(plan.NothingToImport);
        Assert.Single(plan.Warnings);
    }

    [Fact]
    public void An_edited_example_is_imported_like_any_tenant()
    {
        var edited = Example(3, TemplateLanguage.English, 1);
        edited = edited with { Cells = new Dictionary<TemplateField, string>(edited.Cells) { [TemplateField.ContactName] = "Someone Else" } };

        var plan = Group(Example(2, TemplateLanguage.English, 0), edited);

        Assert.Equal([2, 3], Assert.Single(plan.Tenants).Rows);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_tenant_with_more_contacts_than_one_create_carries_is_refused_at_the_first_row_too_many()
    {
        var rows = Enumerable.Range(0, TenantRules.MaxContactsOnCreate + 1)
            .Select(i => Row(i + 2, "Contoso", $"Contact {i}"))
            .ToArray();

        var plan = Group(rows);

        Assert.Empty(plan.Tenants);
        Assert.Equal(rows.Length, Assert.Single(plan.FailedTenants).Rows.Count);
        var error = Assert.Single(plan.Errors);
        Assert.Equal(TenantRules.MaxContactsOnCreate + 2, error.Row);
        Assert.Null(error.Column);
    }

    [Fact]
    public void Valid_tenants_pass_the_apis_create_validation()
    {
        var plan = Group(
            Row(2, "Contoso", "Jane", primary: "true", email: "jane@contoso.com", countryCode: "+44", phone: "020 7946 0000", domains: "contoso.com"),
            Row(3, "Contoso", "John", primary: "true"));

        var request = Assert.Single(plan.Tenants).Request;
        var errors = new FieldErrors();
        TenantService.Build(request, "tnt_1", TenantOrigin.Import("imp_1"), DateTimeOffset.UnixEpoch, errors, throwOnErrors: false);
        Assert.False(errors.Any);
    }

    [Fact]
    public void The_error_report_lists_every_row_of_refused_tenants_with_its_reasons()
    {
        TemplateRow[] rows =
        [
            Row(2, "Contoso", "Jane"),
            Row(3, "Fabrikam", "Ann"),
            Row(4, "Contoso", "John", email: "john@"),
            Row(5, "", "Nobody"),
        ];

        var plan = Group(rows);
        var failed = plan.FailedRows(rows);

        Assert.Equal([2, 4, 5], failed.Select(f => f.Row.Number));
        Assert.Equal("Not imported because row 4 of tenant 'Contoso' has errors.", Assert.Single(failed[0].Messages));
        Assert.StartsWith("Contact email: ", Assert.Single(failed[1].Messages));
        Assert.Equal("Tenant name: A tenant name is required.", Assert.Single(failed[2].Messages));
    }
}
