package io.tandem.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.StandardCacheManager;

/**
 * Thymeleaf's caches sized for this application. By default they keep 200 parsed templates and
 * fragments and 500 parsed expressions, and drop the oldest beyond that; the templates hold about
 * 2,000 different attribute expressions (over 1,100 variable expressions among them, each cached
 * both as Thymeleaf's expression and as its Spring EL, compiled after 100 uses). So pages served
 * one after another pushed each other's expressions out: under load the profile showed pages
 * parsing templates and expressions, and compiling Spring EL, again (issue 17). Entries are still
 * soft references, which the collector may clear when memory runs short.
 */
@Configuration(proxyBeanMethods = false)
class TemplateCaches {

    static final int TEMPLATES = 2_000;
    static final int EXPRESSIONS = 20_000;

    @Bean
    static BeanPostProcessor templateCacheSizes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof TemplateEngine engine) {
                    StandardCacheManager caches = new StandardCacheManager();
                    caches.setTemplateCacheMaxSize(TEMPLATES);
                    caches.setExpressionCacheMaxSize(EXPRESSIONS);
                    engine.setCacheManager(caches);
                }
                return bean;
            }
        };
    }
}
