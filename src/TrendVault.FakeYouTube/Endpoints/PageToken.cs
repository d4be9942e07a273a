using System.Buffers.Text;

namespace TrendVault.FakeYouTube.Endpoints;

/// <summary>
/// Page tokens shaped like the real ones ("CAUQAA", "CAUQAQ"): unpadded base64url of a protobuf message with
/// field 1 = offset into the chart and field 2 = direction (0 next, 1 previous). Clients must treat them as opaque.
/// </summary>
internal static class PageToken
{
    public static string Encode(int offset, bool backward)
    {
        Span<byte> message = stackalloc byte[8];
        var length = 0;
        message[length++] = 0x08;
        var value = (uint)offset;
        for (; value >= 0x80; value >>= 7)
        {
            message[length++] = (byte)(value | 0x80);
        }

        message[length++] = (byte)value;
        message[length++] = 0x10;
        message[length++] = backward ? (byte)1 : (byte)0;
        return Base64Url.EncodeToString(message[..length]);
    }

    public static bool TryDecode(string token, out int offset)
    {
        offset = 0;
        byte[] message;
        try
        {
            message = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (message.Length < 4 || message[0] != 0x08)
        {
            return false;
        }

        var position = 1;
        for (var shift = 0; position < message.Length && shift < 28; shift += 7)
        {
            var b = message[position++];
            offset |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return position == message.Length - 2 && message[position] == 0x10 && message[position + 1] <= 1;
            }
        }

        return false;
    }
}
