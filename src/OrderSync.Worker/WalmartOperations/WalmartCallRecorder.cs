using System.Text.Json;
using OrderSync.Persistence;
using OrderSync.Walmart;
using OrderSync.Worker.Observability;

namespace OrderSync.Worker.WalmartOperations;

/// <summary>Counts each Walmart call of an operation and records it in the operation's session, for the call history.</summary>
public sealed class WalmartCallRecorder(OrderSyncMetrics metrics, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record<T>(OperationSession session, CallAttempt attempt, string operation, IReadOnlyList<PlannedLine>? lines, WalmartResponse<T> response)
    {
        metrics.WalmartCall(operation, response.Outcome.ToString(), response.Duration);
        session.RecordCall(new WalmartCallRecord
        {
            OperationId = attempt.Command.OperationId,
            StoreCode = attempt.Command.StoreCode,
            PurchaseOrderId = attempt.Command.PurchaseOrderId,
            Operation = operation,
            LinesJson = lines is null ? null : JsonSerializer.Serialize(lines, Json),
            CorrelationId = response.CorrelationId,
            HttpStatus = response.HttpStatus,
            Outcome = response.Outcome.ToString(),
            Message = response.IsSuccess ? null : response.Message,
            WalmartErrorsJson = response.Errors.Count == 0 ? null : JsonSerializer.Serialize(response.Errors, Json),
            DurationMs = response.Duration.TotalMilliseconds,
            Attempt = attempt.Number,
            CalledAt = clock.GetUtcNow(),
        });
    }
}
