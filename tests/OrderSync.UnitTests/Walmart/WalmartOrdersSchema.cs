using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OrderSync.Testing;

namespace OrderSync.UnitTests.Walmart;

/// <summary>
/// Validates JSON against a component of Walmart's orders.schema.json (Schemas/, see its SOURCE.md). The OpenAPI components
/// become JSON Schema $defs, with two repairs: a ship body's orderLines point to ShippingLinesType and
/// their statuses to ShipLineStatusesType, as the YAML's inline schema of POST .../shipping has it
/// (the reworked copy points to a RefundLinesType it does not define). Every object is closed
/// (additionalProperties false) so that a misspelt property fails instead of passing unseen.
/// </summary>
internal static class WalmartOrdersSchema
{
    private static readonly Lazy<JsonObject> Definitions = new(LoadDefinitions);

    public static string SchemaPath => Path.Combine(RepositoryPaths.Root, "tests", "OrderSync.UnitTests", "Walmart", "Schemas", "orders.schema.json");

    public static IReadOnlyList<string> Validate(string component, string json)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Definitions.Value.DeepClone(),
            ["$ref"] = $"#/$defs/{component}",
        };

        var schema = JsonSchema.FromText(root.ToJsonString());
        using var instance = JsonDocument.Parse(json);
        var results = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : (results.Details ?? [])
                .Where(detail => detail.Errors is not null)
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key} {error.Value}"))
                .ToList();
    }

    private static JsonObject LoadDefinitions()
    {
        var document = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var definitions = document["components"]!["schemas"]!.DeepClone().AsObject();

        definitions["OrderShipmentRecord"]!["properties"]!["orderLines"] = Reference("ShippingLinesType");
        definitions["ShippingLineType"]!["properties"]!["orderLineStatuses"] = Reference("ShipLineStatusesType");
        definitions["GetOrderResponseRecord"]!["properties"]!["orderLines"] = Reference("OrderLinesType");

        Rewrite(definitions);
        return definitions;
    }

    private static JsonObject Reference(string component) => new() { ["$ref"] = $"#/components/schemas/{component}" };

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["$ref"] is JsonValue reference)
                {
                    schema["$ref"] = reference.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
                }

                if (schema["properties"] is JsonObject && schema["additionalProperties"] is null)
                {
                    schema["additionalProperties"] = false;
                }

                foreach (var (_, child) in schema.ToList())
                {
                    Rewrite(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Rewrite(child);
                }

                break;
        }
    }
}
