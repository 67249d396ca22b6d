using System.Text.Json;
using MassTransit.Serialization;
using OrderSync.Contracts.Results;

namespace OrderSync.UnitTests.Messaging;

public sealed class ShippedLineJsonTests
{
    [Fact]
    public void A_shipped_line_says_the_customer_asked_to_cancel_only_when_they_did()
    {
        ShippedLine[] lines =
        [
            new("1", "MUG", 1, "UPS", "1Z1") { CustomerRequestedCancel = true },
            new("2", "TEE", 1, "UPS", "1Z1"),
        ];

        // MassTransit's JSON options, which the results exchange gets them with.
        var json = JsonSerializer.SerializeToElement(lines, SystemTextJsonMessageSerializer.Options);

        json[0].GetProperty("customerRequestedCancel").GetBoolean().ShouldBeTrue();
        json[1].TryGetProperty("customerRequestedCancel", out _).ShouldBeFalse();
        JsonSerializer.Deserialize<ShippedLine[]>(json, SystemTextJsonMessageSerializer.Options)!.Select(l => l.CustomerRequestedCancel).ShouldBe([true, false]);
    }
}
