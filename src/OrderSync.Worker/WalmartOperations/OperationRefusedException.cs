namespace OrderSync.Worker.WalmartOperations;

/// <summary>An operation that cannot succeed as it is: its Error result is out, and the command is dead-lettered for an operator.</summary>
public sealed class OperationRefusedException : Exception
{
    public OperationRefusedException(string message)
        : base(message)
    {
    }

    public OperationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OperationRefusedException()
    {
    }
}
