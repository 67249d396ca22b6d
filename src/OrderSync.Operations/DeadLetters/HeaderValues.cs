using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace OrderSync.Operations.DeadLetters;

/// <summary>AMQP header values as RabbitMQ.Client hands them over (strings arrive as UTF-8 bytes), made readable.</summary>
public static class HeaderValues
{
    public static string? Text(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        AmqpTimestamp timestamp => DateTimeOffset.FromUnixTimeSeconds(timestamp.UnixTime).ToString("O", CultureInfo.InvariantCulture),
        IDictionary or IList => Json(value)?.ToJsonString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string? Text(IReadOnlyDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? Text(value) : null;

    public static JsonNode? Json(object? value) => value switch
    {
        null => null,
        byte[] bytes => JsonValue.Create(Encoding.UTF8.GetString(bytes)),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        sbyte or byte or short or ushort or int or uint or long => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong number => JsonValue.Create(number),
        float or double or decimal => JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        AmqpTimestamp timestamp => JsonValue.Create(timestamp.UnixTime),
        BinaryTableValue binary => JsonValue.Create(Convert.ToBase64String(binary.Bytes)),
        IDictionary<string, object?> table => Json(table),
        IDictionary table => new JsonObject(table.Keys.Cast<object>().Select(key =>
            KeyValuePair.Create(key.ToString() ?? string.Empty, Json(table[key])))),
        IEnumerable list => new JsonArray([.. list.Cast<object?>().Select(Json)]),
        _ => JsonValue.Create(value.ToString()),
    };

    public static JsonObject Json(IEnumerable<KeyValuePair<string, object?>> headers) =>
        new(headers.Select(header => KeyValuePair.Create(header.Key, Json(header.Value))));
}
