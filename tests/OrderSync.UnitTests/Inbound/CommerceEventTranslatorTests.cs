using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OrderSync.Contracts.Events;
using OrderSync.Testing;
using OrderSync.Worker.Inbound;

namespace OrderSync.UnitTests.Inbound;

public sealed class CommerceEventTranslatorTests
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public void The_example_shipment_becomes_a_shipment_with_its_items_and_track()
    {
        var shipment = Translate(Example("shipment-saved.json")).ShouldBeOfType<ShipmentReceived>();

        shipment.Context.EventId.ShouldBe("7f1c2a0e-5b8d-4a52-9c1e-2f0b6d9a4e31");
        shipment.Context.PurchaseOrderId.ShouldBe("108829735420014");
        shipment.Context.StoreCode.ShouldBe("walmart_us");
        shipment.Context.OrderIncrementId.ShouldBe("000001187");
        shipment.ShipmentId.ShouldBe("412");
        shipment.ShippedAt.ShouldBe(new DateTimeOffset(2026, 3, 14, 17, 2, 10, TimeSpan.Zero));
        shipment.Items.ShouldBe([new ShipmentItem("2291", "WM-MUG-BLU", 2), new ShipmentItem("2292", "WM-TEE-L", 1)]);
        shipment.Tracks.ShouldHaveSingleItem().ShouldBe(new ShipmentTrack("501", "ups", "United Parcel Service", "1Z999AA10123456784", null));
        shipment.CorrelationId.ShouldBe(OrderCorrelation.For("walmart_us", "108829735420014"));
    }

    [Fact]
    public void The_example_track_becomes_a_track_of_its_parent_shipment()
    {
        var track = Translate(Example("track-saved.json")).ShouldBeOfType<TrackReceived>();

        track.ShipmentId.ShouldBe("413");
        track.Track.ShouldBe(new ShipmentTrack("502", "custom", "Acme Couriers", "AC-55120934", "https://track.acme-couriers.example/AC-55120934"));
    }

    [Fact]
    public void The_example_cancel_maps_the_reason_to_walmarts_code()
    {
        var cancellation = Translate(Example("order-canceled.json")).ShouldBeOfType<CancellationRequested>();

        cancellation.RequestedReason.ShouldBe("out_of_stock");
        cancellation.WalmartReason.ShouldBe("SELLER_CANCEL_OUT_OF_STOCK");
    }

    [Fact]
    public void A_cancel_carries_what_commerce_had_shipped_per_sku_counting_top_level_items_only()
    {
        var document = Example("order-canceled.json");
        var items = document["data"]!["value"]!["items"]!.AsArray();
        items.Clear();
        items.Add(new JsonObject { ["item_id"] = "1", ["sku"] = "MUG", ["qty_ordered"] = "3.0000", ["qty_shipped"] = "2.0000" });
        items.Add(new JsonObject { ["item_id"] = "2", ["sku"] = "MUG", ["qty_ordered"] = "1.0000", ["qty_shipped"] = "1.0000" });
        items.Add(new JsonObject { ["item_id"] = "3", ["parent_item_id"] = "2", ["sku"] = "MUG", ["qty_ordered"] = "1.0000", ["qty_shipped"] = "1.0000" });
        items.Add(new JsonObject { ["item_id"] = "4", ["sku"] = "TEE", ["qty_ordered"] = "1.0000", ["qty_shipped"] = "0.0000" });

        var cancellation = Translate(document).ShouldBeOfType<CancellationRequested>();

        cancellation.ShippedInCommerce.ShouldBe([new ShippedQuantity("MUG", 3)]);
    }

    [Fact]
    public void A_cancel_with_a_shipped_quantity_that_is_not_a_count_names_the_field()
    {
        var document = Example("order-canceled.json");
        document["data"]!["value"]!["items"]![0]!["qty_shipped"] = "0.5000";

        Should.Throw<InvalidCommerceEventException>(() => Translate(document)).Message
            .ShouldBe("Field data.value.items[0].qty_shipped is '0.5000'; it must be a whole number, zero or above.");
    }

    [Fact]
    public void An_order_save_that_was_already_canceled_asks_for_nothing()
    {
        var document = Example("order-canceled.json");
        document["data"]!["value"]!["_origData"]!["state"] = "canceled";

        Translate(document).ShouldBeNull();
    }

    [Fact]
    public void An_order_save_that_is_not_a_cancellation_asks_for_nothing()
    {
        var document = Example("order-canceled.json");
        document["data"]!["value"]!["state"] = "processing";

        Translate(document).ShouldBeNull();
    }

    [Theory]
    [InlineData("ext_order_id", "Field data.value.ext_order_id is missing.")]
    [InlineData("store_code", "Field data.value.store_code is missing.")]
    [InlineData("items", "Field data.value.items is missing.")]
    [InlineData("created_at", "Field data.value.created_at is missing.")]
    public void A_missing_field_is_named_in_the_error(string field, string message)
    {
        var document = Example("shipment-saved.json");
        document["data"]!["value"]!.AsObject().Remove(field);

        Should.Throw<InvalidCommerceEventException>(() => Translate(document)).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("abc", "Field data.value.items[0].qty is 'abc', which is not a number.")]
    [InlineData("-1.0000", "Field data.value.items[0].qty is '-1.0000'; it must be a whole number above zero.")]
    [InlineData("1.5000", "Field data.value.items[0].qty is '1.5000'; it must be a whole number above zero.")]
    public void A_bad_quantity_is_refused_with_the_field_and_value(string quantity, string message)
    {
        var document = Example("shipment-saved.json");
        document["data"]!["value"]!["items"]![0]!["qty"] = quantity;

        Should.Throw<InvalidCommerceEventException>(() => Translate(document)).Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("../../v3/token")]
    [InlineData("108829735420014?x=1")]
    [InlineData("1088 29735420014")]
    [InlineData("123456789012345678901234567890123")]
    public void A_purchase_order_id_walmart_could_not_have_is_refused_and_names_no_order(string purchaseOrderId)
    {
        var document = Example("shipment-saved.json");
        document["data"]!["value"]!["ext_order_id"] = purchaseOrderId;

        var refusal = Should.Throw<InvalidCommerceEventException>(() => Translate(document));

        refusal.Message.ShouldStartWith("Field data.value.ext_order_id is '");
        refusal.Message.ShouldEndWith("not 1 to 32 letters, digits, '-' or '_' as a Walmart purchase order id is.");
        CommerceEventTranslator.Rejection(Envelope(document), refusal.Message).ShouldBeNull();
    }

    [Fact]
    public void A_value_quoted_in_a_reason_is_cut_to_40_characters_and_its_control_characters_escaped()
    {
        InvalidCommerceEventException.Shown("a\r\nb").ShouldBe("a\\u000d\\u000ab");
        InvalidCommerceEventException.Shown(new string('x', 1000)).ShouldBe(new string('x', 40) + "...");
    }

    [Fact]
    public void The_id_of_an_event_too_large_to_read_is_found_in_its_first_bytes_only()
    {
        var document = Example("shipment-saved.json");
        var id = document["id"]!.GetValue<string>();
        document["data"]!["value"]!["gift_message"] = new string('x', 100_000);
        var late = new JsonObject { ["data"] = new JsonObject { ["filler"] = new string('x', 100_000) }, ["id"] = "late" };

        CommerceEnvelope.PeekId(Encoding.UTF8.GetBytes(document.ToJsonString())).ShouldBe(id);
        CommerceEnvelope.PeekId(Encoding.UTF8.GetBytes(late.ToJsonString())).ShouldBeNull();
        CommerceEnvelope.PeekId("not json"u8).ShouldBeNull();
    }

    [Fact]
    public void A_store_code_in_capitals_names_the_same_order_as_in_lower_case()
    {
        var lower = Example("shipment-saved.json");
        var upper = Example("shipment-saved.json");
        upper["data"]!["value"]!["store_code"] = "WALMART_US";

        var fromUpper = Translate(upper).ShouldBeOfType<ShipmentReceived>();

        fromUpper.CorrelationId.ShouldBe(Translate(lower)!.CorrelationId);
        fromUpper.Context.StoreCode.ShouldBe("walmart_us");
    }

    [Theory]
    [InlineData("10001.0000", "Field data.value.items[0].qty is '10001.0000'; an event may ask for at most 10000 units of one item.")]
    [InlineData("1000000000000000000000000000000", "Field data.value.items[0].qty is '1000000000000000000000000000000', which is not a number.")]
    [InlineData("1e30", "Field data.value.items[0].qty is '1e30', which is not a number.")]
    public void A_quantity_beyond_reason_is_refused(string quantity, string message)
    {
        var document = Example("shipment-saved.json");
        document["data"]!["value"]!["items"]![0]!["qty"] = quantity;

        Should.Throw<InvalidCommerceEventException>(() => Translate(document)).Message.ShouldBe(message);
    }

    [Fact]
    public void More_items_than_an_order_has_lines_are_refused()
    {
        var document = Example("shipment-saved.json");
        var items = new JsonArray();
        for (var i = 0; i < 10_000; i++)
        {
            items.Add(new JsonObject { ["order_item_id"] = i.ToString(CultureInfo.InvariantCulture), ["sku"] = "WM-MUG-BLU", ["qty"] = "1.0000" });
        }

        document["data"]!["value"]!["items"] = items;

        Should.Throw<InvalidCommerceEventException>(() => Translate(document)).Message.ShouldBe("Field data.value.items has 10000 entries; an event may carry at most 1000.");
    }

    [Theory]
    [InlineData("sku", 51, "Field data.value.items[0].sku is 51 characters long; Walmart takes at most 50.")]
    [InlineData("track_number", 101, "Field data.value.tracks[0].track_number is 101 characters long; Walmart takes at most 100.")]
    public void A_text_field_longer_than_walmart_takes_is_refused(string field, int length, string message)
    {
        var document = Example("shipment-saved.json");
        var holder = field == "sku" ? document["data"]!["value"]!["items"]![0]! : document["data"]!["value"]!["tracks"]![0]!;
        holder[field] = new string('A', length);

        Should.Throw<InvalidCommerceEventException>(() => Translate(document)).Message.ShouldBe(message);
    }

    [Fact]
    public void Numeric_ids_are_read_as_strings()
    {
        var document = Example("shipment-saved.json");
        document["data"]!["value"]!["entity_id"] = 412;
        document["data"]!["value"]!["items"]![0]!["order_item_id"] = 2291;

        var shipment = Translate(document).ShouldBeOfType<ShipmentReceived>();

        shipment.ShipmentId.ShouldBe("412");
        shipment.Items[0].OrderItemId.ShouldBe("2291");
    }

    [Fact]
    public void A_body_that_is_not_json_is_refused()
    {
        Should.Throw<InvalidCommerceEventException>(() => CommerceEnvelope.Parse(Encoding.UTF8.GetBytes("not json {"), Clock))
            .Message.ShouldStartWith("The message body is not JSON");
    }

    [Fact]
    public void Json_that_is_not_a_cloudevent_is_refused_naming_the_attribute()
    {
        Should.Throw<InvalidCommerceEventException>(() => CommerceEnvelope.Parse(Encoding.UTF8.GetBytes("""{"hello":"world"}"""), Clock))
            .Message.ShouldBe("The message is not a CloudEvent: attribute 'specversion' is missing.");
    }

    [Fact]
    public void An_event_of_another_type_is_read_for_its_type_alone_whatever_else_it_lacks()
    {
        var envelope = CommerceEnvelope.Parse(Encoding.UTF8.GetBytes("""{"specversion":"0.3","type":"com.adobe.commerce.observer.catalog_product_save_after","data_base64":"e30="}"""), Clock);

        envelope.Type.ShouldBe("com.adobe.commerce.observer.catalog_product_save_after");
        CommerceEventTranslator.Handles(envelope.Type).ShouldBeFalse();
    }

    [Fact]
    public void Envelope_fields_outside_the_contract_are_ignored()
    {
        var document = Example("shipment-saved.json");
        document["recipientclientid"] = "abc";
        document["event_meta"] = new JsonObject { ["nested"] = 1 };

        Translate(document).ShouldBeOfType<ShipmentReceived>();
    }

    [Theory]
    [InlineData("shipment-saved.json", "com.adobe.commerce.observer.sales_order_shipment_save_commit_after")]
    [InlineData("track-saved.json", "com.adobe.commerce.observer.sales_order_shipment_track_save_commit_after")]
    [InlineData("order-canceled.json", "com.adobe.commerce.observer.sales_order_save_commit_after")]
    public void The_commit_after_form_is_handled_as_its_save_after_twin(string example, string commitAfterType)
    {
        var twin = Example(example);
        var committed = Example(example);
        committed["type"] = commitAfterType;

        CommerceEventTranslator.Handles(commitAfterType).ShouldBeTrue();
        var fromTwin = Translate(twin).ShouldNotBeNull();
        var fromCommitted = Translate(committed).ShouldNotBeNull();
        fromCommitted.GetType().ShouldBe(fromTwin.GetType());
        fromCommitted.Context.ShouldBe(fromTwin.Context with { EventType = commitAfterType }, "the context keeps the type Commerce sent");
        var committedAsTwin = System.Text.Json.JsonSerializer.SerializeToNode(fromCommitted, fromCommitted.GetType())!;
        committedAsTwin["Context"]!["EventType"] = fromTwin.Context.EventType;
        JsonNode.DeepEquals(committedAsTwin, System.Text.Json.JsonSerializer.SerializeToNode(fromTwin, fromTwin.GetType())).ShouldBeTrue();
    }

    private static IOrderEvent? Translate(JsonNode document) => CommerceEventTranslator.Translate(Envelope(document));

    private static CommerceEnvelope Envelope(JsonNode document) => CommerceEnvelope.Parse(Encoding.UTF8.GetBytes(document.ToJsonString()), Clock);

    private static JsonNode Example(string name) => JsonNode.Parse(File.ReadAllText(RepositoryPaths.Sample(name)))!;
}
