/** Devices are matched case- and spacing-insensitively: "HP iLO3" = "hp  ilo3". */
export function deviceKey(device: string): string {
  return device.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
