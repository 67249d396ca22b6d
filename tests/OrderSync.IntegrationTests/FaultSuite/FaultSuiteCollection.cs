namespace OrderSync.IntegrationTests.FaultSuite;

/// <summary>
/// The fault suite's scenarios stop RabbitMQ or PostgreSQL, so they run one at a time, on services of their own: only through
/// <c>bash ops/fault-suite.sh</c> (tests with <c>[Trait("Category", "FaultSuite")]</c>, left out of the normal run).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultSuiteCollection
{
    public const string Name = "FaultSuite";

    public const string Category = "FaultSuite";
}
