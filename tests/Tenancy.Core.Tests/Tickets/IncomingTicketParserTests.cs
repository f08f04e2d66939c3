using System.Text;
using Tenancy.Core.Tickets;

namespace Tenancy.Core.Tests.Tickets;

public class IncomingTicketParserTests
{
    private const string Minimal = """{"accountId":"acc_1","ticketId":"T-1","from":"john@contoso.com"}""";

    [Fact]
    public void Reads_a_minimal_message()
    {
        Assert.True(IncomingTicketParser.TryParse(Minimal, out var ticket, out var reason), reason);
        Assert.Equal(new IncomingTicket("acc_1", "T-1", "john@contoso.com"), ticket);
    }

    [Fact]
    public void Reads_every_field()
    {
        const string body = """
            {"accountId":"acc_1","ticketId":"T-1","from":"\"Doe, John\" <John.Doe+tickets@EU.Contoso.COM>",
             "subject":"Printer on fire","receivedAt":"2026-01-31T09:30:00+01:00","senderAuthentication":"pass"}
            """;
        Assert.True(IncomingTicketParser.TryParse(body, out var ticket, out var reason), reason);
        Assert.Equal(new IncomingTicket("acc_1", "T-1", "\"Doe, John\" <John.Doe+tickets@EU.Contoso.COM>",
            "Printer on fire", new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.FromHours(1)), SenderAuthentication.Pass), ticket);
    }

    [Theory]
    [InlineData("pass", SenderAuthentication.Pass)]
    [InlineData("fail", SenderAuthentication.Fail)]
    [InlineData("none", SenderAuthentication.None)]
    public void Reads_each_sender_authentication_value(string value, SenderAuthentication expected)
    {
        var body = $$"""{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","senderAuthentication":"{{value}}"}""";
        Assert.True(IncomingTicketParser.TryParse(body, out var ticket, out _));
        Assert.Equal(expected, ticket.SenderAuthentication);
    }

    [Fact]
    public void Treats_null_optional_fields_as_absent()
    {
        const string body = """{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","subject":null,"receivedAt":null,"senderAuthentication":null}""";
        Assert.True(IncomingTicketParser.TryParse(body, out var ticket, out _));
        Assert.Equal(new IncomingTicket("acc_1", "t", "j@contoso.com"), ticket);
    }

    [Fact]
    public void Ignores_properties_the_contract_does_not_name()
    {
        const string body = """{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","priority":3,"headers":{"x":[1,2]}}""";
        Assert.True(IncomingTicketParser.TryParse(body, out _, out var reason), reason);
    }

    [Fact]
    public void Reads_a_utf8_body_as_service_bus_hands_it_over()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"accountId":"acc_1","ticketId":"t","from":"Jörg <jörg@münchen.de>"}""");
        Assert.True(IncomingTicketParser.TryParse(bytes.AsMemory(), out var ticket, out var reason), reason);
        Assert.Equal("Jörg <jörg@münchen.de>", ticket.From);
    }

    [Fact]
    public void Reads_back_what_the_contract_record_writes()
    {
        var ticket = new IncomingTicket("acc_1", "T-1", "John <john@contoso.com>", "Hi",
            new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero), SenderAuthentication.Fail);
        Assert.True(IncomingTicketParser.TryParse(ticket.ToJson(), out var read, out var reason), reason);
        Assert.Equal(ticket, read);
    }

    [Fact]
    public void Writes_camel_case_and_leaves_out_absent_optional_fields() =>
        Assert.Equal("""{"accountId":"a","ticketId":"t","from":"j@contoso.com"}""", new IncomingTicket("a", "t", "j@contoso.com").ToJson());

    [Fact]
    public void Writes_sender_authentication_in_lower_case() =>
        Assert.Contains("\"senderAuthentication\":\"fail\"",
            new IncomingTicket("a", "t", "j@contoso.com", SenderAuthentication: SenderAuthentication.Fail).ToJson());

    // The malformed-message corpus: each body is refused for good, with a reason that says what is wrong.
    [Theory]
    [InlineData(null, "The body is empty.")]
    [InlineData("", "The body is empty.")]
    [InlineData("{", "The body is not valid JSON:")]
    [InlineData("not json", "The body is not valid JSON:")]
    [InlineData("{'accountId':'a'}", "The body is not valid JSON:")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com",}""", "The body is not valid JSON:")]
    [InlineData("""{"accountId":"a"} {"ticketId":"t"}""", "The body is not valid JSON:")]
    [InlineData("""[{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com"}]""", "The body must be a JSON object, not an array.")]
    [InlineData("\"a string\"", "The body must be a JSON object, not a string.")]
    [InlineData("42", "The body must be a JSON object, not a number.")]
    [InlineData("null", "The body must be a JSON object, not null.")]
    [InlineData("true", "The body must be a JSON object, not a boolean.")]
    [InlineData("{}", "accountId is missing. ticketId is missing. from is missing.")]
    [InlineData("""{"ticketId":"t","from":"j@contoso.com"}""", "accountId is missing.")]
    [InlineData("""{"accountId":"acc_1","from":"j@contoso.com"}""", "ticketId is missing.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t"}""", "from is missing.")]
    [InlineData("""{"accountId":null,"ticketId":"t","from":"j@contoso.com"}""", "accountId is missing.")]
    [InlineData("""{"accountId":"","ticketId":"t","from":"j@contoso.com"}""", "accountId is empty.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"  ","from":"j@contoso.com"}""", "ticketId is empty.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":""}""", "from is empty.")]
    [InlineData("""{"accountId":42,"ticketId":"t","from":"j@contoso.com"}""", "accountId must be a string, not a number.")]
    [InlineData("""{"accountId":"acc_1","ticketId":1234,"from":"j@contoso.com"}""", "ticketId must be a string, not a number.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":["j@contoso.com"]}""", "from must be a string, not an array.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":{"address":"j@contoso.com"}}""", "from must be a string, not an object.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","subject":7}""", "subject must be a string, not a number.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","senderAuthentication":true}""", "senderAuthentication must be a string, not a boolean.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","senderAuthentication":"softfail"}""", "senderAuthentication must be \"pass\", \"fail\" or \"none\" (got 'softfail').")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","senderAuthentication":"FAIL"}""", "senderAuthentication must be \"pass\", \"fail\" or \"none\" (got 'FAIL').")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","receivedAt":"yesterday"}""", "receivedAt must be an ISO 8601 date and time with an offset, e.g. 2026-01-31T09:30:00Z (got 'yesterday').")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","receivedAt":"2026-01-31T09:30:00"}""", "receivedAt must be an ISO 8601 date and time with an offset, e.g. 2026-01-31T09:30:00Z (got '2026-01-31T09:30:00').")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","receivedAt":1769851800}""", "receivedAt must be a string, not a number.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"john"}""", "from is not a usable email address: 'john' is not a parseable email address.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"a@contoso.com, b@contoso.com"}""", "from is not a usable email address: 'a@contoso.com, b@contoso.com' holds 2 addresses; expected one.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"john@[10.0.0.1]"}""", "from is not a usable email address: The domain of 'john@[10.0.0.1]' is not usable: '[10.0.0.1]' is an IP address; enter a domain name (e.g. contoso.com).")]
    [InlineData("""{"accountId":"acc_1\u0000","ticketId":"t","from":"j@contoso.com"}""", "accountId contains control characters.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t\n1","from":"j@contoso.com"}""", "ticketId contains control characters.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t","from":"j@contoso.com","from":"k@fabrikam.com"}""", "'from' appears more than once.")]
    [InlineData("""{"accountId":"acc_1/x","ticketId":"t","from":"j@contoso.com"}""", "accountId 'acc_1/x' is not an account id (letters, digits, '_' and '-', 3 to 64 characters).")]
    [InlineData("""{"accountId":"../acc","ticketId":"t","from":"j@contoso.com"}""", "accountId '../acc' is not an account id")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t/1","from":"j@contoso.com"}""", "ticketId must not contain '/', '\\', '#' or '?'.")]
    [InlineData("""{"accountId":"acc_1","ticketId":"t#1","from":"j@contoso.com"}""", "ticketId must not contain '/', '\\', '#' or '?'.")]
    public void Refuses_a_malformed_message_with_its_reason(string? body, string reason)
    {
        Assert.False(IncomingTicketParser.TryParse(body, out var ticket, out var actual));
        Assert.Null(ticket);
        Assert.StartsWith(reason, actual);
    }

    [Fact]
    public void Reports_every_problem_of_a_message_at_once()
    {
        Assert.False(IncomingTicketParser.TryParse("""{"accountId":1,"ticketId":"","from":"nobody"}""", out _, out var reason));
        Assert.Equal("accountId must be a string, not a number. ticketId is empty. from is not a usable email address: 'nobody' is not a parseable email address.", reason);
    }

    [Fact]
    public void Refuses_ids_longer_than_128_characters()
    {
        var body = $$"""{"accountId":"acc_1","ticketId":"{{new string('t', 129)}}","from":"j@contoso.com"}""";
        Assert.False(IncomingTicketParser.TryParse(body, out _, out var reason));
        Assert.Equal("ticketId is longer than 128 characters (got 129).", reason);
    }

    [Fact]
    public void Accepts_ids_of_128_characters()
    {
        var body = $$"""{"accountId":"acc_{{new string('a', 60)}}","ticketId":"{{new string('t', 128)}}","from":"j@contoso.com"}""";
        Assert.True(IncomingTicketParser.TryParse(body, out _, out var reason), reason);
    }

    [Fact]
    public void Accepts_a_body_of_64_KiB()
    {
        var body = BodyOfSize(IncomingTicketParser.MaxBodyBytes);
        Assert.True(IncomingTicketParser.TryParse(body, out _, out var reason), reason);
    }

    [Fact]
    public void Refuses_a_body_over_64_KiB()
    {
        var body = BodyOfSize(IncomingTicketParser.MaxBodyBytes + 1);
        Assert.False(IncomingTicketParser.TryParse(body, out _, out var reason));
        Assert.Equal("The body is 65,537 bytes; the limit is 65,536.", reason);
    }

    [Fact]
    public void Counts_the_size_in_utf8_bytes_not_characters()
    {
        // 'é' is two bytes: fewer than 64 Ki characters, more than 64 KiB.
        var body = Minimal[..^1] + ",\"subject\":\"" + new string('é', 33_000) + "\"}";
        Assert.True(body.Length < IncomingTicketParser.MaxBodyBytes);
        Assert.False(IncomingTicketParser.TryParse(body, out _, out var reason));
        Assert.StartsWith("The body is ", reason);
    }

    [Fact]
    public void Refuses_a_huge_string_body_before_parsing_it()
    {
        var body = new string(' ', 10 * 1024 * 1024);
        Assert.False(IncomingTicketParser.TryParse(body, out _, out var reason));
        Assert.Equal("The body is 10,485,760 bytes; the limit is 65,536.", reason);
    }

    [Fact]
    public void Refuses_a_huge_utf8_body_before_parsing_it()
    {
        var bytes = new byte[10 * 1024 * 1024];
        Assert.False(IncomingTicketParser.TryParse(bytes.AsMemory(), out _, out var reason));
        Assert.Equal("The body is 10,485,760 bytes; the limit is 65,536.", reason);
    }

    [Fact]
    public void Refuses_deeply_nested_json()
    {
        var body = Minimal[..^1] + ",\"x\":" + new string('[', 100) + new string(']', 100) + "}";
        Assert.False(IncomingTicketParser.TryParse(body, out _, out var reason));
        Assert.StartsWith("The body is not valid JSON:", reason);
    }

    [Fact]
    public void Keeps_reasons_short()
    {
        var body = $$"""{"accountId":"acc_1","ticketId":"t","from":"{{new string('x', 900)}}","senderAuthentication":"{{new string('y', 900)}}"}""";
        Assert.False(IncomingTicketParser.TryParse(body, out _, out var reason));
        Assert.True(reason.Length <= IncomingTicketParser.MaxReasonLength + 1, $"{reason.Length} characters");
    }

    private static string BodyOfSize(int bytes)
    {
        var prefix = Minimal[..^1] + ",\"subject\":\"";
        const string suffix = "\"}";
        return prefix + new string('s', bytes - prefix.Length - suffix.Length) + suffix;
    }
}
