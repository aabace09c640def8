"""The campaign: segment landing pages, tracked links, promotion kits and reach."""
