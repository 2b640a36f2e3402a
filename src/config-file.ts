/** The site's config file name; a module of its own so the up-to-date check can name it without loading the config's schema. */
export const CONFIG_FILE = "gekkan.config.json";
