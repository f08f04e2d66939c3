using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tenancy.Api.Tests.Paths;

/// <summary>
/// Sends a request line exactly as written: HttpClient's Uri removes dot segments (%2E%2E included) before sending,
/// so it cannot show what the server does with them.
/// </summary>
public static class RawRequest
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string rawPath, string? jsonBody = null)
    {
        var address = client.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        var body = Encoding.UTF8.GetBytes(jsonBody ?? "");
        var head = new StringBuilder()
            .Append($"{method} {rawPath} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n")
            .Append($"Authorization: {client.DefaultRequestHeaders.Authorization}\r\n")
            .Append(jsonBody is null ? "" : "Content-Type: application/json\r\n")
            .Append($"Content-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var lines = text[..split].Split("\r\n");
        var response = new HttpResponseMessage((HttpStatusCode)int.Parse(lines[0].Split(' ')[1]));
        var content = text[(split + 4)..];
        var chunked = lines.Any(l => l.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase));
        response.Content = new StringContent(chunked ? Dechunk(content) : content);
        var type = lines.FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase));
        if (type is not null) response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type["Content-Type:".Length..].Trim());
        return response;
    }

    private static string Dechunk(string content)
    {
        var result = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = content.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(content[position..lineEnd], 16);
            if (size == 0) return result.ToString();
            result.Append(content, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
