namespace VirtCluster.Libvirt;

/// <summary>The one place where virErrorNumber values become exception types.</summary>
internal static class LibvirtErrorMapper
{
    /// <summary>VIR_FROM_RPC: errors of the transport between this process and the daemon.</summary>
    private const int FromRpc = 7;

    public static LibvirtException ToException(LibvirtErrorInfo error) => error.Code switch
    {
        // Whatever the code, a failure of the transport (the daemon died, the socket broke) is a lost connection.
        _ when error.Domain == FromRpc => new LibvirtConnectionException(error),

        // VIR_ERR_NO_DOMAIN, NO_NETWORK, NO_STORAGE_POOL, NO_STORAGE_VOL, NO_NODE_DEVICE, NO_INTERFACE,
        // NO_NWFILTER, NO_SECRET, NO_DOMAIN_SNAPSHOT, NO_DOMAIN_METADATA, DEVICE_MISSING,
        // NO_NWFILTER_BINDING, NO_DOMAIN_CHECKPOINT, NO_NETWORK_PORT
        42 or 43 or 49 or 50 or 53 or 57 or 62 or 66 or 72 or 80 or 99 or 101 or 103 or 107
            => new LibvirtNotFoundException(error),

        // VIR_ERR_OS_TYPE, INVALID_ARG, NO_NAME, NO_OS, XML_ERROR, XML_DETAIL, INVALID_MAC, XML_INVALID_SCHEMA
        16 or 8 or 21 or 22 or 27 or 35 or 44 or 92 => new LibvirtInvalidArgumentException(error),

        // VIR_ERR_NO_SUPPORT, CONFIG_UNSUPPORTED, ARGUMENT_UNSUPPORTED, OPERATION_UNSUPPORTED
        3 or 67 or 74 or 84 => new LibvirtUnsupportedException(error),

        // VIR_ERR_NO_CONNECT, INVALID_CONN, RPC, AUTH_FAILED, AUTH_CANCELLED, AUTH_UNAVAILABLE
        5 or 6 or 39 or 45 or 79 or 94 => new LibvirtConnectionException(error),

        // VIR_ERR_DOM_EXIST, NETWORK_EXIST, OPERATION_INVALID, STORAGE_POOL_BUILT, STORAGE_VOL_EXIST
        28 or 37 or 55 or 76 or 90 => new LibvirtOperationInvalidException(error),

        _ => new LibvirtException(error),
    };

    /// <summary>
    /// Opening fails with many codes (no driver for the scheme, socket missing, bad host file); to the
    /// caller they all mean the same thing: there is no connection to <paramref name="uri"/>.
    /// </summary>
    public static LibvirtConnectionException ToOpenException(LibvirtErrorInfo error, string uri) =>
        new(error, $"Cannot open libvirt connection '{uri}': {error.Message}");
}
