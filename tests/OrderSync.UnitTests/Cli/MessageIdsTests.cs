using System.Text;
using OrderSync.Operations.DeadLetters;

namespace OrderSync.UnitTests.Cli;

public sealed class MessageIdsTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt-1"}""");

    [Fact]
    public void The_amqp_message_id_is_the_id_when_the_publisher_set_one() =>
        MessageIds.For("2d760000-effe-37fa-dc79-08df4e3cde0f", Body, "2025-03-01T10:00:00Z").ShouldBe("2d760000-effe-37fa-dc79-08df4e3cde0f");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_a_message_id_the_id_is_a_short_hash(string? messageId)
    {
        var id = MessageIds.For(messageId, Body, "2025-03-01T10:00:00Z");

        id.Length.ShouldBe(12);
        id.ShouldAllBe(c => "0123456789abcdef".Contains(c, StringComparison.Ordinal));
    }

    [Fact]
    public void The_hash_is_the_same_every_time_for_the_same_body_and_fault_time() =>
        MessageIds.Hash(Body, "2025-03-01T10:00:00Z").ShouldBe(MessageIds.Hash(Encoding.UTF8.GetBytes("""{"id":"evt-1"}"""), "2025-03-01T10:00:00Z"));

    [Fact]
    public void The_same_body_failing_at_another_time_gets_another_id() =>
        MessageIds.Hash(Body, "2025-03-01T10:00:00Z").ShouldNotBe(MessageIds.Hash(Body, "2025-03-01T10:00:01Z"));

    [Fact]
    public void Another_body_gets_another_id() =>
        MessageIds.Hash(Body, null).ShouldNotBe(MessageIds.Hash(Encoding.UTF8.GetBytes("""{"id":"evt-2"}"""), null));

    [Fact]
    public void The_hash_is_known_in_advance() =>
        MessageIds.Hash("abc"u8, null).ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("abc\0"u8))[..12]);

    [Fact]
    public void Ids_are_compared_without_regard_to_case() => MessageIds.Same("ABCDEF012345", "abcdef012345").ShouldBeTrue();
}
