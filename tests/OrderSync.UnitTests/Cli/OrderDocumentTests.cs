using System.Text.Json.Nodes;
using OrderSync.Cli.Orders;
using OrderSync.Persistence;

namespace OrderSync.UnitTests.Cli;

public sealed class OrderDocumentTests
{
    private const string State = """
        {
          "StoreCode": "walmart_us", "PurchaseOrderId": "PO-1", "OrderIncrementId": "000001187",
          "Shipments": [
            { "ShipmentId": "412", "IncrementId": "000000412", "Items": [{ "OrderItemId": "9", "Sku": "MUG", "Quantity": 2 }],
              "Track": null, "Status": 0, "WalmartLines": [] },
            { "ShipmentId": "413", "IncrementId": "000000413", "Items": [], "Status": "Synced", "WalmartLines": ["3"] }
          ],
          "Cancellation": { "RequestedReason": "out_of_stock", "WalmartReason": "SELLER_CANCEL_OUT_OF_STOCK", "Status": 2 },
          "Operations": [
            { "OperationId": "o-1", "Kind": 1, "CausationId": "e-1", "Status": 1 },
            { "OperationId": "o-2", "Kind": 2, "CausationId": "e-2", "Status": 3, "Error": "refused" },
            { "OperationId": "o-3", "Kind": 9, "CausationId": "e-3", "Status": 2 }
          ],
          "WalmartLines": [{ "LineNumber": "1", "Sku": "MUG", "Quantity": 2, "Shipped": 1, "Cancelled": 1 }],
          "HeldEvents": [
            { "Sequence": 3, "EventId": "e-9", "ArrivedAt": "2026-12-02T10:00:00+00:00", "Shipment": null, "Track": { "ShipmentId": "414" }, "Cancellation": null }
          ],
          "OrderStatus": "Error", "LastError": "refused"
        }
        """;

    [Fact]
    public void Names_the_enums_the_saga_stores_as_numbers()
    {
        var order = Build();

        order["shipments"]![0]!["status"]!.GetValue<string>().ShouldBe("WaitingForTrack");
        order["shipments"]![1]!["status"]!.GetValue<string>().ShouldBe("Synced");
        order["cancellation"]!["status"]!.GetValue<string>().ShouldBe("Failed");
        order["operations"]!.AsArray().Select(o => (o!["kind"]!.GetValue<string>(), o["status"]!.GetValue<string>()))
            .ShouldBe([("UpdateTracking", "InFlight"), ("Cancel", "Failed"), ("9", "Succeeded")]);
    }

    [Fact]
    public void Reads_the_order_lines_and_a_shipment_waiting_for_its_track()
    {
        var order = Build();

        order["orderStatus"]!.GetValue<string>().ShouldBe("Error");
        order["orderIncrementId"]!.GetValue<string>().ShouldBe("000001187");
        order["walmartLines"]![0]!["cancelled"]!.GetValue<decimal>().ShouldBe(1);
        order["shipments"]![0]!["track"].ShouldBeNull();
        order["shipments"]![0]!["items"]![0]!["sku"]!.GetValue<string>().ShouldBe("MUG");
        order["cancellation"]!["walmartReason"]!.GetValue<string>().ShouldBe("SELLER_CANCEL_OUT_OF_STOCK");
    }

    [Fact]
    public void Lists_the_events_held_for_an_earlier_one_with_their_number_and_kind()
    {
        var held = Build()["heldEvents"]!.AsArray().ShouldHaveSingleItem()!;

        (held["sequence"]!.GetValue<decimal>(), held["eventId"]!.GetValue<string>(), held["kind"]!.GetValue<string>(), held["arrivedAt"]!.GetValue<string>())
            .ShouldBe((3m, "e-9", "track", "2026-12-02T10:00:00+00:00"));
    }

    [Fact]
    public void A_state_with_nothing_yet_gives_empty_lists()
    {
        var order = OrderDocument.Build(new OrderSyncSagaRow { Data = """{"StoreCode":"s","PurchaseOrderId":"p"}""" }, []);

        order["walmartLines"]!.AsArray().ShouldBeEmpty();
        order["shipments"]!.AsArray().ShouldBeEmpty();
        order["operations"]!.AsArray().ShouldBeEmpty();
        order["cancellation"].ShouldBeNull();
        order["orderStatus"].ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"OrderStatus":"Error"}""", "Error")]
    [InlineData("""{"OrderStatus":null}""", null)]
    [InlineData("""{}""", null)]
    public void Reads_the_order_status(string data, string? expected) => OrderDocument.OrderStatus(data).ShouldBe(expected);

    private static JsonObject Build() =>
        OrderDocument.Build(new OrderSyncSagaRow { Data = State, StoreCode = "walmart_us", PurchaseOrderId = "PO-1" }, []);
}
