using nietras.SeparatedValues;

namespace DtcNotify.Feeds.Shadowserver;

internal sealed partial class ShadowserverPlan
{
    /// <summary>The columns IntelMQ's row-aware conversions read, resolved once.</summary>
    private sealed class RowColumns(Dictionary<string, int> index)
    {
        public Dictionary<string, int> Index { get; } = index;

        private readonly int _ccDns = index.GetValueOrDefault("cc_dns", -1);
        private readonly int _httpHost = index.GetValueOrDefault("http_host", -1);
        private readonly int _hostname = index.GetValueOrDefault("hostname", -1);
        private readonly int _ip = index.GetValueOrDefault("ip", -1);
        private readonly int _url = index.GetValueOrDefault("url", -1);
        private readonly int _httpUrl = index.GetValueOrDefault("http_url", -1);
        private readonly int _application = index.GetValueOrDefault("application", -1);
        private readonly int _category = index.GetValueOrDefault("category", -1);
        private readonly int _detail = index.GetValueOrDefault("detail", -1);

        /// <summary>
        /// <c>convert_http_host_and_url</c>: reports split a URL into host and path (or a whole request line);
        /// join them as <c>application://host/path</c>, the host taken from the first non-empty of
        /// cc_dns, http_host, hostname, ip.
        /// </summary>
        public Converted HostAndUrl(SepReader.Row row)
        {
            var host = FirstNonEmpty(row, _ccDns, _httpHost, _hostname, _ip);
            var pathColumn = _url >= 0 ? _url : _httpUrl;
            var path = pathColumn >= 0 ? Cell(row, pathColumn) : default;
            if (host.IsEmpty || path.IsEmpty)
            {
                return path.IsEmpty ? Converted.Nothing : Converted.OfText(path.ToString());
            }

            var slash = path.IndexOf('/');
            path = slash < 0 ? default : path[slash..];
            var space = path.IndexOfAny(' ', '\t');
            if (space >= 0)
            {
                path = path[..space];
            }

            var application = _application >= 0 ? Cell(row, _application) : default;
            var scheme = application is "http" or "https" ? application : "http";
            return Converted.OfText(string.Concat(scheme, "://", host, path));
        }

        /// <summary><c>category_or_detail</c>: the category column, else the detail column.</summary>
        public Converted CategoryOrDetail(SepReader.Row row)
        {
            var value = FirstNonEmpty(row, _category, _detail);
            return value.IsEmpty ? Converted.Nothing : Converted.OfText(value.ToString());
        }

        private static ReadOnlySpan<char> FirstNonEmpty(SepReader.Row row, int a, int b, int c = -1, int d = -1)
        {
            foreach (var column in (ReadOnlySpan<int>)[a, b, c, d])
            {
                if (column >= 0 && !Cell(row, column).IsEmpty)
                {
                    return Cell(row, column);
                }
            }

            return default;
        }
    }
}
