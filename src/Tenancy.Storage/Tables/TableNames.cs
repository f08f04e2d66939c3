namespace Tenancy.Storage.Tables;

/// <summary>The tables of the service. Account data lives in one partition per account.</summary>
public static class TableNames
{
    public const string Accounts = "accounts";
    public const string Tenancy = "tenancy";
    public const string Imports = "imports";
    public const string Tickets = "tickets";

    public static readonly string[] All = [Accounts, Tenancy, Imports, Tickets];
}
