using System.Security.Cryptography;
using System.Text;

namespace OrderSync.Operations.DeadLetters;

/// <summary>How a dead letter is named on the command line.</summary>
public static class MessageIds
{
    /// <summary>
    /// The AMQP message_id when the publisher set one (MassTransit always does); otherwise a short hash of the body and the
    /// fault time, which stays the same from one listing to the next so that <c>show</c>, <c>requeue</c> and <c>purge</c> find it.
    /// </summary>
    public static string For(string? messageId, ReadOnlySpan<byte> body, string? faultTimestamp) =>
        string.IsNullOrWhiteSpace(messageId) ? Hash(body, faultTimestamp) : messageId.Trim();

    public static string Hash(ReadOnlySpan<byte> body, string? faultTimestamp)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(body);
        hash.AppendData([0]);
        hash.AppendData(Encoding.UTF8.GetBytes(faultTimestamp ?? string.Empty));
        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 6));
    }

    public static bool Same(string id, string other) => string.Equals(id.Trim(), other.Trim(), StringComparison.OrdinalIgnoreCase);
}
