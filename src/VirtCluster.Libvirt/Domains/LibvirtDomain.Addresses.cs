using System.Net.Sockets;
using System.Runtime.InteropServices;
using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

public sealed partial class LibvirtDomain
{
    /// <summary>
    /// The guest's interfaces and addresses as seen by <paramref name="source"/>: DHCP leases work only on
    /// libvirt-managed networks, the agent needs qemu-guest-agent in the guest, ARP needs recent traffic.
    /// </summary>
    public unsafe IReadOnlyList<DomainInterface> InterfaceAddresses(InterfaceAddressSource source)
    {
        VirDomainInterface** array;
        var count = LibvirtCall.Check(NativeMethods.virDomainInterfaceAddresses(Handle, &array, (uint)source, 0));
        try
        {
            var result = new List<DomainInterface>(count);
            for (var i = 0; i < count; i++)
            {
                result.Add(Convert(array[i]));
            }

            return result;
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                NativeMethods.virDomainInterfaceFree(array[i]);
            }

            NativeMemory.Free(array);
        }
    }

    private static unsafe DomainInterface Convert(VirDomainInterface* entry)
    {
        var addresses = new List<DomainIPAddress>((int)entry->AddressCount);
        for (var i = 0; i < entry->AddressCount; i++)
        {
            var address = entry->Addresses[i];
            addresses.Add(new DomainIPAddress(
                address.Type == 1 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork,
                Marshal.PtrToStringUTF8(address.Address) ?? string.Empty,
                (int)address.Prefix));
        }

        return new DomainInterface(
            Marshal.PtrToStringUTF8(entry->Name) ?? string.Empty,
            Marshal.PtrToStringUTF8(entry->HardwareAddress),
            addresses);
    }
}
