namespace OrderSync.Ingress.Publishing;

/// <summary>Connects at start, so that readiness tells at once whether the broker is there; a broker that is not is tried again per delivery.</summary>
public sealed partial class BrokerConnectionService(CommerceEventPublisher publisher, ILogger<BrokerConnectionService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await publisher.Connect(CancellationToken.None);
                }
                catch (Exception exception)
                {
                    LogNotConnected(logger, exception.Message);
                }
            },
            CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ is not reachable at start ({Reason}); each delivery tries again and is answered 503 until it is")]
    private static partial void LogNotConnected(ILogger logger, string reason);
}
