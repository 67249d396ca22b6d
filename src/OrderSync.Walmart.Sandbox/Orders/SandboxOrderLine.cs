namespace OrderSync.Walmart.Sandbox.Orders;

public sealed class SandboxOrderLine
{
    public required string LineNumber { get; init; }

    public required string Sku { get; init; }

    public required string ProductName { get; init; }

    public required int Quantity { get; init; }

    public List<SandboxLineStatus> Statuses { get; init; } = [];

    public DateTimeOffset StatusDate { get; set; }

    /// <summary>The customer asked to cancel the line after ordering: it ships only with intentToCancelOverride.</summary>
    public bool IntentToCancel { get; set; }

    /// <summary>The line's first shipping update: Walmart takes tracking corrections only for a while after it.</summary>
    public DateTimeOffset? FirstShippedAt { get; set; }

    public int OpenQuantity => QuantityIn(LineStatuses.Created) + QuantityIn(LineStatuses.Acknowledged);

    public int ShippedQuantity => QuantityIn(LineStatuses.Shipped) + QuantityIn(LineStatuses.Delivered);

    public int QuantityIn(string status) => Statuses.Where(s => s.Status == status).Sum(s => s.Quantity);

    /// <summary>Moves open units (acknowledged ones first) into the given status.</summary>
    public void Close(int quantity, SandboxLineStatus into, DateTimeOffset now)
    {
        var left = quantity;
        foreach (var from in new[] { LineStatuses.Acknowledged, LineStatuses.Created })
        {
            var taken = Math.Min(left, QuantityIn(from));
            Remove(from, taken);
            left -= taken;
        }

        Add(into with { Quantity = quantity });
        StatusDate = now;
        if (into.Status == LineStatuses.Shipped)
        {
            FirstShippedAt ??= now;
        }
    }

    public void Acknowledge(DateTimeOffset now)
    {
        var created = QuantityIn(LineStatuses.Created);
        if (created == 0)
        {
            return;
        }

        Remove(LineStatuses.Created, created);
        Add(new SandboxLineStatus(LineStatuses.Acknowledged, created));
        StatusDate = now;
    }

    public bool HasTrackingNumber(string trackingNumber) =>
        Statuses.Any(s => s.Status == LineStatuses.Shipped && s.Tracking?.TrackingNumber == trackingNumber);

    /// <summary>Replaces the tracking of the shipped units that carry <paramref name="currentTrackingNumber"/>, or of all shipped units.</summary>
    public void ReplaceTracking(string? currentTrackingNumber, SandboxTracking tracking, DateTimeOffset now)
    {
        for (var index = 0; index < Statuses.Count; index++)
        {
            var status = Statuses[index];
            if (status.Status == LineStatuses.Shipped && (currentTrackingNumber is null || status.Tracking?.TrackingNumber == currentTrackingNumber))
            {
                Statuses[index] = status with { Tracking = tracking };
            }
        }

        StatusDate = now;
    }

    public SandboxOrderLine Clone() => new()
    {
        LineNumber = LineNumber,
        Sku = Sku,
        ProductName = ProductName,
        Quantity = Quantity,
        Statuses = [.. Statuses],
        StatusDate = StatusDate,
        FirstShippedAt = FirstShippedAt,
        IntentToCancel = IntentToCancel,
    };

    private void Remove(string status, int quantity)
    {
        for (var index = Statuses.Count - 1; index >= 0 && quantity > 0; index--)
        {
            if (Statuses[index].Status != status)
            {
                continue;
            }

            var taken = Math.Min(quantity, Statuses[index].Quantity);
            quantity -= taken;
            if (taken == Statuses[index].Quantity)
            {
                Statuses.RemoveAt(index);
            }
            else
            {
                Statuses[index] = Statuses[index] with { Quantity = Statuses[index].Quantity - taken };
            }
        }
    }

    private void Add(SandboxLineStatus status)
    {
        var index = Statuses.FindIndex(s => s with { Quantity = 0 } == status with { Quantity = 0 });
        if (index >= 0)
        {
            Statuses[index] = Statuses[index] with { Quantity = Statuses[index].Quantity + status.Quantity };
        }
        else
        {
            Statuses.Add(status);
        }
    }
}
