package io.tandem.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Stylesheets and scripts under content-hashed names, web jars under their version, all kept a year
 * by browsers (a changed file gets a new name). Mapped only under {@code /css}, {@code /js} and
 * {@code /webjars}, not {@code /**}: the filter that rewrites links to hashed names asks the
 * resource handlers about every link a page renders, and a {@code /**} handler searched the whole
 * class path for each {@code /people/…} link on every page, a third of the CPU under load.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final CacheControl A_YEAR =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(A_YEAR)
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(A_YEAR)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
