using Tenancy.Core.Common;
using Tenancy.Core.Contacts;

namespace Tenancy.Core.Tests.Contacts;

public class PrimaryContactRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Contact C(string id, bool primary = false, int minute = 0) =>
        new(id, id, null, null, null, null, null, primary, T0.AddMinutes(minute));

    [Fact]
    public void First_contact_of_a_new_tenant_is_primary_when_none_is_marked()
    {
        var contacts = PrimaryContactRule.ForNewTenant([C("a"), C("b")], new FieldErrors());

        Assert.Equal(["a"], contacts.Where(c => c.IsPrimary).Select(c => c.Id));
    }

    [Fact]
    public void Rejects_second_primary_contact_on_create()
    {
        var errors = new FieldErrors();

        PrimaryContactRule.ForNewTenant([C("a", true), C("b", true)], errors);

        Assert.Contains("contacts", errors.ToDictionary().Keys);
    }

    [Fact]
    public void Rejects_tenant_without_contacts()
    {
        var errors = new FieldErrors();

        PrimaryContactRule.ForNewTenant([], errors);

        Assert.True(errors.Any);
    }

    [Fact]
    public void Adding_a_primary_contact_demotes_the_old_one()
    {
        var contacts = PrimaryContactRule.Add([C("a", true)], C("b", true, 1));

        Assert.Equal(["b"], contacts.Where(c => c.IsPrimary).Select(c => c.Id));
    }

    [Fact]
    public void Adding_a_plain_contact_keeps_the_primary()
    {
        var contacts = PrimaryContactRule.Add([C("a", true)], C("b", false, 1));

        Assert.Equal(["a"], contacts.Where(c => c.IsPrimary).Select(c => c.Id));
    }

    [Fact]
    public void Making_a_contact_primary_demotes_the_old_one()
    {
        var contacts = PrimaryContactRule.Replace([C("a", true), C("b", false, 1)], C("b", false, 1), isPrimary: true);

        Assert.Equal(["b"], contacts.Where(c => c.IsPrimary).Select(c => c.Id));
    }

    [Fact]
    public void Unsetting_the_primary_flag_of_the_primary_is_a_conflict()
    {
        var ex = Assert.Throws<ConflictException>(() =>
            PrimaryContactRule.Replace([C("a", true), C("b", false, 1)], C("a", true), isPrimary: false));

        Assert.Equal("primary-contact-required", ex.Kind);
    }

    [Fact]
    public void Removing_the_primary_promotes_the_earliest_remaining_contact()
    {
        var contacts = PrimaryContactRule.Remove([C("c", false, 5), C("a", true, 0), C("b", false, 3)], "a");

        Assert.Equal(["b"], contacts.Where(c => c.IsPrimary).Select(c => c.Id));
    }

    [Fact]
    public void The_last_contact_cannot_be_removed()
    {
        var ex = Assert.Throws<ConflictException>(() => PrimaryContactRule.Remove([C("a", true)], "a"));

        Assert.Equal("last-contact", ex.Kind);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Any_sequence_of_operations_leaves_exactly_one_primary(int seed)
    {
        var random = new Random(seed);
        IReadOnlyList<Contact> contacts = [C("c0", true)];
        for (var step = 1; step <= 500; step++)
        {
            var pick = contacts[random.Next(contacts.Count)];
            try
            {
                contacts = random.Next(4) switch
                {
                    0 => PrimaryContactRule.Add(contacts, C($"c{step}", random.Next(2) == 0, step)),
                    1 => PrimaryContactRule.Replace(contacts, pick, random.Next(3) switch { 0 => true, 1 => false, _ => null }),
                    _ => PrimaryContactRule.Remove(contacts, pick.Id),
                };
            }
            catch (ConflictException)
            {
                // Refused operations leave the contacts as they were.
            }
            Assert.Single(contacts, c => c.IsPrimary);
        }
    }
}
