namespace OrderSync.Worker.Persistence;

public sealed record PostgresSagaRepositoryOptions<TSaga>(string TableName);
