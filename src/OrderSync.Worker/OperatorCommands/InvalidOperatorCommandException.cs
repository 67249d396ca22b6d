namespace OrderSync.Worker.OperatorCommands;

public sealed class InvalidOperatorCommandException : Exception
{
    public InvalidOperatorCommandException(string message)
        : base(message)
    {
    }

    public InvalidOperatorCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidOperatorCommandException()
    {
    }
}
