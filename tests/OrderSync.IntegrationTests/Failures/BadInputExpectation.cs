namespace OrderSync.IntegrationTests.Failures;

/// <summary>How the worker must answer one bad input of the table.</summary>
/// <param name="PurchaseOrderId">The order the input names, when it names one the worker can tell.</param>
/// <param name="DeadLetterQueue">The _error queue that must hold the input (or its Walmart operation), or null for none.</param>
/// <param name="DeadLetterReason">The start of the dead letter's reason (MT-Fault-Message).</param>
/// <param name="FailureDetails">The start of the statusDetails of the walmart.order.sync.failed result the order must get, or null for none.</param>
/// <param name="SyncedType">A success result the order must get instead (an input that is not bad after all), or null.</param>
/// <param name="Answer">How the answer reads in the report.</param>
/// <param name="Check">A further check of the input's outcome, or null.</param>
public sealed record BadInputExpectation(
    string? PurchaseOrderId,
    string? DeadLetterQueue,
    string? DeadLetterReason,
    string? FailureDetails,
    string? ErrorSource,
    string? SyncedType,
    string Answer,
    Func<Task>? Check = null)
{
    public const string IntakeErrors = "walmart-sync.commerce-events_error";
    public const string OperationErrors = "walmart-sync.walmart-operations_error";

    /// <summary>Dead-lettered by the intake, with no result: the event names no order the worker can tell.</summary>
    public static BadInputExpectation Rejected(string reason) =>
        new(null, IntakeErrors, reason, null, null, null, "dead letter (intake)");

    /// <summary>Dead-lettered by the intake, and the order it names told why with an Error result.</summary>
    public static BadInputExpectation RejectedForOrder(string purchaseOrderId, string reason) =>
        new(purchaseOrderId, IntakeErrors, reason, reason, "commerce", null, "dead letter (intake) and Error result");

    /// <summary>An Error result for the order, and its Walmart operation dead-lettered for an operator's resync.</summary>
    public static BadInputExpectation Failed(string purchaseOrderId, string details, string errorSource) =>
        new(purchaseOrderId, OperationErrors, details, details, errorSource, null, "Error result and dead letter (operation)");

    /// <summary>An Error result for the order, decided before any Walmart call: nothing to dead-letter.</summary>
    public static BadInputExpectation FailedBeforeWalmart(string purchaseOrderId, string details) =>
        new(purchaseOrderId, null, null, details, "commerce", null, "Error result");

    /// <summary>Neither dead letter nor result: the worker must let it pass (the check says what else must hold).</summary>
    public static BadInputExpectation Ignored(string? purchaseOrderId, string answer, Func<Task> check) =>
        new(purchaseOrderId, null, null, null, null, null, answer, check);
}
