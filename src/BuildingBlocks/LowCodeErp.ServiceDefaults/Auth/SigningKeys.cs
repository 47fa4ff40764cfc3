using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace LowCodeErp.ServiceDefaults.Auth;

/// <summary>Turns the PEM public keys of <see cref="ErpAuthOptions.SigningKeys"/> into security keys.</summary>
public static class SigningKeys
{
    /// <summary>Parses every key; the message names the offending entry.</summary>
    /// <exception cref="InvalidOperationException">An entry is neither an RSA nor an EC public key in PEM.</exception>
    public static IReadOnlyList<SecurityKey> Parse(IEnumerable<string> pems)
    {
        ArgumentNullException.ThrowIfNull(pems);
        return pems.Select((pem, index) => Parse(pem, index)).ToList();
    }

    private static SecurityKey Parse(string pem, int index)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            try
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(pem);
                return new ECDsaSecurityKey(ec);
            }
            catch (Exception inner) when (inner is ArgumentException or CryptographicException)
            {
                throw new InvalidOperationException($"{ErpAuthOptions.Section}:SigningKeys:{index}: not an RSA or EC public key in PEM.", inner);
            }
        }
    }
}
