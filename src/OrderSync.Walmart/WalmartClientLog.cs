using Microsoft.Extensions.Logging;

namespace OrderSync.Walmart;

/// <remarks>Never logs a token, a client secret or a request body.</remarks>
internal static partial class WalmartClientLog
{
    [LoggerMessage(EventId = 1, Message = "Walmart {Operation} of purchase order {PurchaseOrderId} for store {StoreCode}: {Outcome}, HTTP {HttpStatus}, {DurationMs} ms, correlation id {CorrelationId}. {Summary}")]
    public static partial void CallCompleted(
        ILogger logger, LogLevel level, string operation, string purchaseOrderId, string storeCode,
        WalmartOutcome outcome, int? httpStatus, long durationMs, string correlationId, string summary);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Walmart rejected the access token of store {StoreCode} on {Operation} of purchase order {PurchaseOrderId} (correlation id {CorrelationId}); refreshing it and retrying once")]
    public static partial void TokenRejected(ILogger logger, string storeCode, string operation, string purchaseOrderId, string correlationId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Walmart issued an access token for store {StoreCode}, valid {LifetimeSeconds} s (correlation id {CorrelationId})")]
    public static partial void TokenIssued(ILogger logger, string storeCode, double lifetimeSeconds, string correlationId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Walmart access token request for store {StoreCode} failed: {Outcome}, HTTP {HttpStatus}, correlation id {CorrelationId}. {Summary}")]
    public static partial void TokenFailed(ILogger logger, string storeCode, WalmartOutcome outcome, int? httpStatus, string correlationId, string summary);
}
