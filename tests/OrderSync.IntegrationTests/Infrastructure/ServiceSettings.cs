namespace OrderSync.IntegrationTests.Infrastructure;

public sealed record ServiceSettings(Uri RabbitMq, string Postgres, Uri RabbitMqManagement);
