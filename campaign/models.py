"""Campaign landing pages, promotion kits and referral attribution (built in a later issue)."""
