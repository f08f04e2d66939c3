using Azure.Data.Tables;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Tickets;

/// <summary>
/// The sender index of ticket assignments (R15), in the account's partition of the tickets table:
/// <c>S|{sender's email key}|{ticket id}</c>, written in the transaction of the assignment, so that a person's tickets are
/// found without reading every assignment, and deleted when the person is erased (the assignment stays, without them).
/// Ticket ids are escaped in keys (<see cref="RowKeys"/>), so no assignment's key can start with <c>S|</c>.
/// </summary>
public static class TicketSenderRows
{
    public static string PrefixOf(string emailKey) => RowKeys.Join("S", RowKeys.Escape(emailKey), "");

    public static TableTransactionAction? For(TicketAssignment assignment) =>
        assignment.SenderKey() is { } key
            ? new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(assignment.AccountId, PrefixOf(key) + RowKeys.Escape(assignment.TicketId)) { ["Ticket"] = RowKeys.Escape(assignment.TicketId) })
            : null;
}
