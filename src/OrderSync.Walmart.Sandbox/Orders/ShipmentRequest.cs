using System.Text.Json.Nodes;
using OrderSync.Walmart.Sandbox.Gateway;

namespace OrderSync.Walmart.Sandbox.Orders;

/// <summary>A POST /v3/orders/{po}/shipping body, checked field by field as Walmart does.</summary>
public sealed record ShipmentRequest(bool IsPartialUpdate, IReadOnlyList<ShipmentLineInstruction> Lines)
{
    private const int SellerOrderIdMaxLength = 30;

    public static (ShipmentRequest? Request, List<SandboxError> Errors) Read(JsonNode? body)
    {
        var errors = new List<SandboxError>();
        var shipment = body?["orderShipment"];
        if (shipment is not JsonObject)
        {
            errors.Add(SandboxError.InvalidContent("orderShipment", "orderShipment is required"));
            return (null, errors);
        }

        var processMode = JsonFields.Text(shipment["processMode"]);
        if (processMode is not null && processMode != "PARTIAL_UPDATE")
        {
            errors.Add(SandboxError.InvalidContent("processMode", $"processMode '{processMode}' is not supported; use PARTIAL_UPDATE"));
        }

        var orderLines = JsonFields.Array(shipment["orderLines"]?["orderLine"]);
        if (orderLines.Count == 0)
        {
            errors.Add(SandboxError.InvalidContent("orderLine", "orderLines.orderLine must list at least one order line"));
        }

        var instructions = new List<ShipmentLineInstruction>();
        foreach (var orderLine in orderLines)
        {
            var lineNumber = JsonFields.Text(orderLine?["lineNumber"]);
            if (lineNumber is null)
            {
                errors.Add(SandboxError.InvalidContent("lineNumber", "lineNumber is required on every order line"));
                continue;
            }

            var sellerOrderId = JsonFields.Text(orderLine?["sellerOrderId"]);
            if (string.IsNullOrWhiteSpace(sellerOrderId))
            {
                errors.Add(SandboxError.InvalidContent("sellerOrderId", $"sellerOrderId is required on order line {lineNumber}"));
            }
            else if (sellerOrderId.Length > SellerOrderIdMaxLength)
            {
                errors.Add(SandboxError.InvalidContent("sellerOrderId", $"sellerOrderId of order line {lineNumber} is longer than {SellerOrderIdMaxLength} characters"));
            }

            var overrideField = orderLine?["intentToCancelOverride"];
            var intentToCancelOverride = JsonFields.Boolean(overrideField);
            if (overrideField is not null && intentToCancelOverride is null)
            {
                errors.Add(SandboxError.InvalidContent("intentToCancelOverride", $"intentToCancelOverride of order line {lineNumber} must be true or false"));
            }

            var statuses = JsonFields.Array(orderLine?["orderLineStatuses"]?["orderLineStatus"]);
            if (statuses.Count == 0)
            {
                errors.Add(SandboxError.InvalidContent("orderLineStatus", $"orderLineStatuses.orderLineStatus is required on order line {lineNumber}"));
            }

            foreach (var status in statuses)
            {
                if (ReadStatus(lineNumber, status, errors) is { } instruction)
                {
                    instructions.Add(instruction with { IntentToCancelOverride = intentToCancelOverride == true });
                }
            }
        }

        return errors.Count > 0 ? (null, errors) : (new ShipmentRequest(processMode is not null, instructions), errors);
    }

    private static ShipmentLineInstruction? ReadStatus(string lineNumber, JsonNode? status, List<SandboxError> errors)
    {
        var errorCount = errors.Count;
        if (JsonFields.Text(status?["status"]) != LineStatuses.Shipped)
        {
            errors.Add(SandboxError.InvalidContent("status", $"status of order line {lineNumber} must be Shipped"));
        }

        var quantity = ReadQuantity(lineNumber, status?["statusQuantity"], errors);

        var tracking = status?["trackingInfo"];
        if (tracking is not JsonObject)
        {
            errors.Add(SandboxError.InvalidContent("trackingInfo", $"trackingInfo is required on order line {lineNumber}"));
            return null;
        }

        var shipDateTime = JsonFields.EpochMilliseconds(tracking["shipDateTime"]);
        if (shipDateTime is null)
        {
            errors.Add(SandboxError.InvalidContent("shipDateTime", $"shipDateTime of order line {lineNumber} must be epoch milliseconds"));
        }

        var methodCode = JsonFields.Text(tracking["methodCode"]);
        if (methodCode is null || !WalmartVocabulary.MethodCodes.Contains(methodCode))
        {
            errors.Add(SandboxError.InvalidContent("methodCode", $"methodCode '{methodCode}' of order line {lineNumber} is not one of {string.Join(", ", WalmartVocabulary.MethodCodes)}"));
        }

        var trackingNumber = JsonFields.Text(tracking["trackingNumber"]);
        if (string.IsNullOrWhiteSpace(trackingNumber))
        {
            errors.Add(SandboxError.InvalidContent("trackingNumber", $"trackingNumber is required on order line {lineNumber}"));
        }

        var trackingUrl = JsonFields.Text(tracking["trackingURL"]);
        var carrier = JsonFields.Text(tracking["carrierName"]?["carrier"]);
        var otherCarrier = JsonFields.Text(tracking["carrierName"]?["otherCarrier"]);
        if ((carrier is null) == (otherCarrier is null))
        {
            errors.Add(SandboxError.InvalidContent("carrierName", $"carrierName of order line {lineNumber} must have either carrier or otherCarrier"));
        }
        else if (carrier is not null && !WalmartVocabulary.Carriers.Contains(carrier))
        {
            errors.Add(SandboxError.InvalidContent("carrier", $"carrier '{carrier}' of order line {lineNumber} is not a supported carrier name"));
        }
        else if (otherCarrier is not null && string.IsNullOrWhiteSpace(trackingUrl))
        {
            errors.Add(SandboxError.InvalidContent("trackingURL", $"trackingURL is required with otherCarrier '{otherCarrier}' on order line {lineNumber}"));
        }

        var currentTrackingNumber = JsonFields.Text(status?["currentTrackingInfo"]?["trackingNumber"]);
        return errors.Count > errorCount
            ? null
            : new ShipmentLineInstruction(
                lineNumber,
                quantity!.Value,
                new SandboxTracking(shipDateTime!.Value, carrier, otherCarrier, methodCode!, trackingNumber!, trackingUrl),
                currentTrackingNumber);
    }

    internal static int? ReadQuantity(string lineNumber, JsonNode? statusQuantity, List<SandboxError> errors)
    {
        var unit = JsonFields.Text(statusQuantity?["unitOfMeasurement"]);
        if (unit is not ("EACH" or "EA"))
        {
            errors.Add(SandboxError.InvalidContent("unitOfMeasurement", $"statusQuantity.unitOfMeasurement of order line {lineNumber} must be EACH"));
        }

        var amount = JsonFields.PositiveInteger(statusQuantity?["amount"]);
        if (amount is null)
        {
            errors.Add(SandboxError.InvalidContent("amount", $"statusQuantity.amount of order line {lineNumber} must be a whole number of at least 1"));
        }

        return amount;
    }
}
