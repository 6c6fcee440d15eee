/** Hindi strings, one part of the lazily loaded Hindi chunk (i18n-hi.ts), never in the main bundle; English: see i18n.ts. */
export const hiAnalytics = {
  an_baseline: 'आधार अवधि',
  an_baselineHint: 'ARPPU की तुलना इस अवधि से होती है (खाली: ठीक पहले की उतनी ही लंबी अवधि)',
  an_arppuUplift: 'ARPPU में बढ़त',
  an_vsBaseline: 'आधार अवधि में {v} की तुलना में',
  an_ltvCac: 'जीवनकाल मूल्य / अधिग्रहण लागत',
  an_ltvCacSub: 'जीवनकाल मूल्य {ltv} · लागत {cac}',
  an_cacUnset: 'कॉन्फ़िगरेशन में प्रति उपयोगकर्ता अधिग्रहण लागत भरें',
  cfgAnalytics: 'एनालिटिक्स',
  cfgAnalyticsHelp: 'LTV/CAC के लिए इनपुट, और कच्चे एनालिटिक्स इवेंट कितने दिन रखे जाएँ (उसके बाद केवल दैनिक योग रहते हैं)।',
  cfgCostPerUser: 'प्रति उपयोगकर्ता अधिग्रहण लागत (₹)',
  cfgCostPerUserHelp: 'एक उपयोगकर्ता लाने की औसत लागत (LTV/CAC का CAC); 0 = सेट नहीं।',
  cfgAnalyticsEventsDays: 'कच्चे एनालिटिक्स इवेंट रखें (दिन)',
  cfgAnalyticsEventsDaysHelp: 'पुराने इवेंट दैनिक योग में जोड़कर हटा दिए जाते हैं; डैशबोर्ड उन योगों से जवाब देता रहता है।',
};
