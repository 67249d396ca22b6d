using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace OrderSync.Operations.DeadLetters;

public static class JsonBody
{
    /// <summary>Parses a message body that may or may not be JSON; false, never an exception, when it is not.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out JsonDocument? document)
    {
        document = null;
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        if (body.IsEmpty)
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(body.ToArray());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
