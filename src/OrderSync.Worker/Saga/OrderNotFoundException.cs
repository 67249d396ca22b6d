namespace OrderSync.Worker.Saga;

/// <summary>A message for an order no Commerce event has reached: nothing can apply it, so it is dead-lettered.</summary>
public sealed class OrderNotFoundException : Exception
{
    public OrderNotFoundException(string message)
        : base(message)
    {
    }

    public OrderNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OrderNotFoundException()
    {
    }
}
