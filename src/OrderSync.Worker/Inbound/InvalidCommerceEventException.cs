namespace OrderSync.Worker.Inbound;

/// <summary>An event Commerce sent that can never be applied as it is: it is dead-lettered at once, with this message as its reason.</summary>
public sealed class InvalidCommerceEventException : Exception, Messaging.IDeadLetterDetails
{
    public InvalidCommerceEventException(string message)
        : base(message)
    {
    }

    public InvalidCommerceEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidCommerceEventException()
    {
    }

    public string? PurchaseOrderId { get; init; }

    public string? StoreCode { get; init; }

    public IReadOnlyList<Contracts.Events.WalmartErrorDetail> WalmartErrors => [];

    /// <summary>A value Commerce sent, as a reason may quote it: at most 40 characters, control characters written as escapes.</summary>
    public static string Shown(string value)
    {
        var shown = value.Length > 40 ? value[..40] + "..." : value;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }
}
