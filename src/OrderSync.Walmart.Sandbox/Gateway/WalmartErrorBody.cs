using System.Text.Json.Nodes;

namespace OrderSync.Walmart.Sandbox.Gateway;

/// <summary>Walmart's error bodies, in both shapes Walmart uses.</summary>
public static class WalmartErrorBody
{
    public const string InvalidRequestContent = "INVALID_REQUEST_CONTENT.GMP_ORDER_API";

    public static JsonObject Detailed(IEnumerable<SandboxError> errors) => new()
    {
        ["errors"] = new JsonObject
        {
            ["error"] = new JsonArray(errors.Select(error => (JsonNode)new JsonObject
            {
                ["code"] = error.Code,
                ["field"] = error.Field,
                ["description"] = error.Description,
                ["info"] = error.Info,
                ["severity"] = "ERROR",
                ["category"] = error.Category,
                ["causes"] = new JsonArray(),
                ["errorIdentifiers"] = new JsonObject(),
            }).ToArray()),
        },
    };

    /// <summary>The flat shape some Walmart gateways answer with: {"errors":[{code, message}]}.</summary>
    public static JsonObject Flat(string code, string message) => new()
    {
        ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
    };
}
