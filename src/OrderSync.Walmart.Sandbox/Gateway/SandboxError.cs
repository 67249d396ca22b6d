namespace OrderSync.Walmart.Sandbox.Gateway;

public sealed record SandboxError(string Code, string? Field, string Description, string Info, string Category)
{
    public static SandboxError InvalidContent(string field, string description) =>
        new(WalmartErrorBody.InvalidRequestContent, field, description, "Request content is invalid.", "DATA");

    public static SandboxError NotFound(string purchaseOrderId) =>
        new("CONTENT_NOT_FOUND.GMP_ORDER_API", "purchaseOrderId", $"Purchase order {purchaseOrderId} was not found",
            "Requested content could not be found.", "DATA");

    public static SandboxError Unauthorized(string description) =>
        new("UNAUTHORIZED.GMP_GATEWAY_API", "UNAUTHORIZED", description, "Unauthorized token or invalid credentials", "DATA");

    public static SandboxError MissingHeader(string header) =>
        new("INVALID_REQUEST_HEADER.GMP_GATEWAY_API", header, $"Header {header} is required", "Request header is invalid.", "REQUEST");

    public static SandboxError Throttled() =>
        new("REQUEST_THRESHOLD_VIOLATED", "REQUEST_THRESHOLD_VIOLATED", "Request threshold violated",
            "Too many requests; retry after the next replenish time.", "REQUEST");
}
