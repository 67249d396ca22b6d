using System.ComponentModel;
using OrderSync.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace OrderSync.Cli.Orders;

public class OrderSettings : ConnectionSettings
{
    [CommandArgument(0, "<PO>")]
    [Description("The Walmart purchase order id (Commerce's External Order Number).")]
    public string PurchaseOrderId { get; init; } = string.Empty;

    [CommandOption("--store <CODE>")]
    [Description("The Commerce store view, when the purchase order id exists in more than one.")]
    public string? Store { get; init; }
}
