using System.Text.Json.Nodes;
using OrderSync.Walmart.Sandbox.Gateway;

namespace OrderSync.Walmart.Sandbox.Orders;

/// <summary>A POST /v3/orders/{po}/cancel body, checked field by field as Walmart does.</summary>
public sealed record CancellationRequest(IReadOnlyList<CancellationLineInstruction> Lines)
{
    public static (CancellationRequest? Request, List<SandboxError> Errors) Read(JsonNode? body)
    {
        var errors = new List<SandboxError>();
        var orderLines = JsonFields.Array(body?["orderCancellation"]?["orderLines"]?["orderLine"]);
        if (orderLines.Count == 0)
        {
            errors.Add(SandboxError.InvalidContent("orderLine", "orderCancellation.orderLines.orderLine must list at least one order line"));
        }

        var instructions = new List<CancellationLineInstruction>();
        foreach (var orderLine in orderLines)
        {
            var lineNumber = JsonFields.Text(orderLine?["lineNumber"]);
            if (lineNumber is null)
            {
                errors.Add(SandboxError.InvalidContent("lineNumber", "lineNumber is required on every order line"));
                continue;
            }

            var statuses = JsonFields.Array(orderLine?["orderLineStatuses"]?["orderLineStatus"]);
            if (statuses.Count == 0)
            {
                errors.Add(SandboxError.InvalidContent("orderLineStatus", $"orderLineStatuses.orderLineStatus is required on order line {lineNumber}"));
            }

            foreach (var status in statuses)
            {
                var errorCount = errors.Count;
                if (JsonFields.Text(status?["status"]) != LineStatuses.Cancelled)
                {
                    errors.Add(SandboxError.InvalidContent("status", $"status of order line {lineNumber} must be Cancelled"));
                }

                var reason = JsonFields.Text(status?["cancellationReason"]);
                if (reason is null || !WalmartVocabulary.CancellationReasons.Contains(reason))
                {
                    errors.Add(SandboxError.InvalidContent("cancellationReason", $"cancellationReason '{reason}' of order line {lineNumber} is not a valid reason"));
                }

                var quantity = ShipmentRequest.ReadQuantity(lineNumber, status?["statusQuantity"], errors);
                if (errors.Count == errorCount)
                {
                    instructions.Add(new CancellationLineInstruction(lineNumber, quantity!.Value, reason!));
                }
            }
        }

        return errors.Count > 0 ? (null, errors) : (new CancellationRequest(instructions), errors);
    }
}
