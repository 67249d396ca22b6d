using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace OrderSync.IntegrationTests.Infrastructure;

/// <summary>An IPv4 address of this machine other than loopback: a server bound to it sees this machine's calls as another host's.</summary>
public static class NonLoopbackAddress
{
    private static readonly Lazy<IPAddress?> First = new(() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(network => network.OperationalStatus != OperationalStatus.Down && network.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(network => network.GetIPProperties().UnicastAddresses)
        .Select(unicast => unicast.Address)
        .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address)));

    /// <summary>Null on a machine with loopback only.</summary>
    public static IPAddress? Find() => First.Value;
}

/// <summary>A test that needs <see cref="NonLoopbackAddress"/>: skipped, saying so, on a machine with loopback only.</summary>
public sealed class NonLoopbackFactAttribute : FactAttribute
{
    public NonLoopbackFactAttribute()
    {
        if (NonLoopbackAddress.Find() is null)
        {
            Skip = "this machine has no IPv4 address but loopback";
        }
    }
}
