using System.Globalization;
using System.Text.Json;
using OrderSync.Walmart.Wire;

namespace OrderSync.Walmart;

/// <summary>Builds the JSON bodies of the ship, tracking-update and cancel calls.</summary>
internal static class WalmartRequestBodies
{
    private const string UnitOfMeasurement = "EACH";

    public static string Shipment(IReadOnlyList<ShipLineRequest> lines, WalmartCarrierMapper carriers, bool isTrackingUpdate)
    {
        var orderLines = lines.Select(line =>
        {
            var check = carriers.Check(line.Tracking);
            var tracking = new TrackingInfoDto(
                line.ShipDateTime.ToUnixTimeMilliseconds(),
                new CarrierNameDto(check.Carrier.Carrier, check.Carrier.OtherCarrier),
                line.MethodCode,
                check.TrackingNumber,
                check.TrackingUrl);
            var currentTracking = isTrackingUpdate && !string.IsNullOrWhiteSpace(line.CurrentTrackingNumber)
                ? new CurrentTrackingInfoDto(line.CurrentTrackingNumber)
                : null;
            var status = new ShipmentLineStatusDto("Shipped", Quantity(line.Quantity), tracking, currentTracking);
            return new ShipmentLineDto(
                line.LineNumber, line.IntentToCancelOverride ? true : null, line.SellerOrderId, new LineStatusesEnvelope<ShipmentLineStatusDto>([status]));
        }).ToList();

        var body = new ShipmentRequestBody(new OrderShipmentDto(
            isTrackingUpdate ? "PARTIAL_UPDATE" : null,
            new OrderLinesEnvelope<ShipmentLineDto>(orderLines)));
        return JsonSerializer.Serialize(body, WalmartJsonContext.Default.ShipmentRequestBody);
    }

    public static string Cancellation(IReadOnlyList<CancelLineRequest> lines)
    {
        var orderLines = lines.Select(line => new CancellationLineDto(
            line.LineNumber,
            new LineStatusesEnvelope<CancellationLineStatusDto>(
                [new CancellationLineStatusDto("Cancelled", line.Reason, Quantity(line.Quantity))]))).ToList();

        var body = new CancellationRequestBody(new OrderCancellationDto(new OrderLinesEnvelope<CancellationLineDto>(orderLines)));
        return JsonSerializer.Serialize(body, WalmartJsonContext.Default.CancellationRequestBody);
    }

    private static QuantityDto Quantity(int amount) => new(UnitOfMeasurement, amount.ToString(CultureInfo.InvariantCulture));
}
