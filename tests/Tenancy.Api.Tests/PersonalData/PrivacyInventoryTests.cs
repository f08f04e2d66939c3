using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tenancy.Http.Contracts;
using Tenancy.Local;

namespace Tenancy.Api.Tests.PersonalData;

/// <summary>
/// R15: docs/privacy.md classifies every field of the HTTP contract as personal or not, so a record that gains a field
/// fails here until the inventory says what the field is.
/// </summary>
public partial class PrivacyInventoryTests
{
    private static readonly Dictionary<string, (HashSet<string> Personal, HashSet<string> Other)> Inventory = ReadInventory();

    private static IEnumerable<string> RecordNames() => typeof(ContactResponse).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(ContactResponse).Namespace && !typeof(Attribute).IsAssignableFrom(t) && t.IsClass)
        .Select(NameOf);

    public static TheoryData<string> ContractRecords() => [.. RecordNames()];

    [Theory]
    [MemberData(nameof(ContractRecords))]
    public void Every_field_of_a_contract_record_is_classified_in_the_inventory(string record)
    {
        var type = typeof(ContactResponse).Assembly.GetExportedTypes().Single(t => NameOf(t) == record);
        Assert.True(Inventory.TryGetValue(record, out var classified), $"docs/privacy.md has no row for `{record}` under Contract fields.");

        var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();

        var unclassified = fields.Where(f => !classified.Personal.Contains(f) && !classified.Other.Contains(f)).ToList();
        var twice = fields.Where(f => classified.Personal.Contains(f) && classified.Other.Contains(f)).ToList();
        var gone = classified.Personal.Concat(classified.Other).Where(f => !fields.Contains(f)).ToList();
        Assert.True(unclassified.Count == 0, $"`{record}` fields not in the inventory: {string.Join(", ", unclassified)}");
        Assert.True(twice.Count == 0, $"`{record}` fields both personal and not: {string.Join(", ", twice)}");
        Assert.True(gone.Count == 0, $"`{record}` has no longer these fields: {string.Join(", ", gone)}");
    }

    [Fact]
    public void The_inventory_names_no_record_the_contract_does_not_have()
    {
        var records = RecordNames().ToHashSet();

        var unknown = Inventory.Keys.Where(k => !records.Contains(k)).ToList();
        Assert.True(unknown.Count == 0, $"The inventory names records the contract does not have: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void The_address_and_name_of_a_contact_are_personal()
    {
        Assert.Superset(new HashSet<string> { "name", "email", "phone", "notes" }, Inventory["ContactResponse"].Personal);
    }

    private static string NameOf(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;

    private static Dictionary<string, (HashSet<string>, HashSet<string>)> ReadInventory()
    {
        var text = RepositoryRoot.ReadAllText("docs", "privacy.md");
        var section = text[text.IndexOf("## Contract fields", StringComparison.Ordinal)..];
        var rows = new Dictionary<string, (HashSet<string>, HashSet<string>)>();
        foreach (Match row in Row().Matches(section))
            rows[row.Groups["record"].Value] = (Names(row.Groups["personal"].Value), Names(row.Groups["other"].Value));
        return rows;
    }

    private static HashSet<string> Names(string cell) => Name().Matches(cell).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"^\| `(?<record>\w+)` \|(?<personal>[^|]*)\|(?<other>[^|]*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex("`(\\w+)`")]
    private static partial Regex Name();
}
