namespace OrderSync.Worker.SagaRepository;

public sealed record PostgresSagaRepositoryOptions<TSaga>(string TableName);
